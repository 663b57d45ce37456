using System.ComponentModel.DataAnnotations;

namespace MpWriter.Grains.Wallets;

/// <summary>
/// Credit amounts as configured, in credits with at most two decimals (section <c>Credits</c>). Code uses the
/// hundredths properties.
/// </summary>
public sealed class CreditsOptions : IValidatableObject
{
    public const string SectionName = "Credits";

    /// <summary>Credits a new user starts with. Unset: 3.00, or 0 in Production.</summary>
    public decimal? SignupGrant { get; set; }

    public decimal FollowUpsCost { get; set; } = 0.10m;

    public decimal ResearchCost { get; set; } = 0.70m;

    public decimal LetterCost { get; set; } = 0.20m;

    /// <summary>How long a hold lives before it is released unless captured; longer than any run may take.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan HoldTimeout { get; set; } = TimeSpan.FromMinutes(15);

    public long SignupGrantHundredths => ToHundredths(SignupGrant ?? 0);

    public long FollowUpsCostHundredths => ToHundredths(FollowUpsCost);

    public long ResearchCostHundredths => ToHundredths(ResearchCost);

    public long LetterCostHundredths => ToHundredths(LetterCost);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(SignupGrant), SignupGrant ?? 0),
                     (nameof(FollowUpsCost), FollowUpsCost),
                     (nameof(ResearchCost), ResearchCost),
                     (nameof(LetterCost), LetterCost),
                 })
        {
            if (value < 0 || value > 1_000_000 || CreditAmount.FromDecimal(value) is null)
            {
                yield return new ValidationResult(
                    $"{SectionName}:{name} must be between 0 and 1,000,000 credits with at most two decimals (got {value}).",
                    [name]);
            }
        }
    }

    private static long ToHundredths(decimal credits) => CreditAmount.FromDecimal(credits) ?? 0;
}
