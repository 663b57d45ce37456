using System.Globalization;
using MpWriter.Api.Auth;
using MpWriter.Api.Hosting;
using MpWriter.Grains.Wallets;

namespace MpWriter.Api.Credits;

public static class CreditsEndpoints
{
    public static IEndpointRouteBuilder MapCredits(this IEndpointRouteBuilder endpoints)
    {
        var credits = endpoints.MapGroup("/api/credits").WithTags("Credits").RequireAuthorization();

        credits.MapGet("/", async (HttpContext context, IClusterClient cluster) =>
        {
            var balance = await cluster.GetGrain<IWalletGrain>(context.User.GetUserId()).GetBalance();
            return TypedResults.Ok(new CreditsResponse(CreditAmount.ToDecimal(balance.Balance), CreditAmount.ToDecimal(balance.Held)));
        });

        credits.MapGet("/ledger", async Task<IResult> (HttpContext context, IClusterClient cluster, string? before, string? limit) =>
        {
            long? beforeSequence = null;
            if (before is not null)
            {
                if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    return ApiProblem.BadRequest("'before' must be a ledger sequence number.");
                }

                beforeSequence = parsed;
            }

            var pageSize = 50;
            if (limit is not null && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > 200))
            {
                return ApiProblem.BadRequest("'limit' must be a whole number from 1 to 200.");
            }

            var page = await cluster.GetGrain<IWalletGrain>(context.User.GetUserId()).GetLedger(beforeSequence, pageSize);
            return TypedResults.Ok(new LedgerResponse(page.Entries.Select(LedgerEntryResponse.From).ToList(), page.NextBefore));
        });

        return endpoints;
    }
}

public sealed record CreditsResponse(decimal Balance, decimal Held);

public sealed record LedgerResponse(IReadOnlyList<LedgerEntryResponse> Entries, long? NextBefore);

public sealed record LedgerEntryResponse(long Sequence, string Kind, decimal Amount, decimal Held, decimal BalanceAfter, string? Source, DateTimeOffset At)
{
    public static LedgerEntryResponse From(LedgerEntry entry) => new(
        entry.Sequence,
        entry.Kind.ToString().ToLowerInvariant(),
        CreditAmount.ToDecimal(entry.BalanceDelta),
        CreditAmount.ToDecimal(entry.HeldDelta),
        CreditAmount.ToDecimal(entry.BalanceAfter),
        entry.Source,
        entry.At);
}
