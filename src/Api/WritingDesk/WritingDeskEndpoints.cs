using System.Globalization;
using MpWriter.Api.Auth;
using MpWriter.Api.Hosting;
using MpWriter.Api.Runs;
using MpWriter.Grains.WritingDesk;

namespace MpWriter.Api.WritingDesk;

public static class WritingDeskEndpoints
{
    public static IEndpointRouteBuilder MapWritingDesk(this IEndpointRouteBuilder endpoints)
    {
        var desk = endpoints.MapGroup("/api/writing-desk").WithTags("Writing desk").RequireAuthorization();

        desk.MapGet("/", async (HttpContext context, IClusterClient cluster) =>
            await Desk(cluster, context).Get() is { } job
                ? TypedResults.Ok(WritingDeskResponse.From(job))
                : (IResult)ApiProblem.NotFound("There is no letter in progress."));

        desk.MapPut("/", async Task<IResult> (WritingDeskRequest request, HttpContext context, IClusterClient cluster) =>
        {
            if (request.Version is not { } version || version < 0)
            {
                return ApiProblem.Validation(new Dictionary<string, string[]>
                {
                    ["version"] = ["Send the version you last read (0 for a new letter)."],
                });
            }

            var update = new WritingDeskUpdate(request.Intake ?? string.Empty, request.MpName ?? string.Empty, request.Constituency ?? string.Empty, request.Tone);
            var result = await Desk(cluster, context).Save(update, version);
            return result.Outcome switch
            {
                DeskWriteOutcome.Saved => TypedResults.Ok(WritingDeskResponse.From(result.Job!)),
                DeskWriteOutcome.Invalid => ApiProblem.BadRequest("The letter details are not valid.", result.Problem),
                _ => VersionConflict(result.Job),
            };
        });

        desk.MapDelete("/", async Task<IResult> (HttpContext context, IClusterClient cluster, string? version) =>
        {
            long? expected = null;
            if (version is not null)
            {
                if (!long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    return ApiProblem.BadRequest("'version' must be the version you last read.");
                }

                expected = parsed;
            }

            var result = await Desk(cluster, context).Clear(expected);
            return result.Outcome == DeskWriteOutcome.Saved ? TypedResults.NoContent() : VersionConflict(result.Job);
        });

        desk.MapPost("/letter", async Task<IResult> (LetterRequest request, HttpContext context, IClusterClient cluster) =>
        {
            if (!Tones.IsValid(request.Tone))
            {
                return ApiProblem.Validation(new Dictionary<string, string[]>
                {
                    ["tone"] = [$"Choose one of: {string.Join(", ", Tones.All)}."],
                });
            }

            if (!IdempotencyKeys.TryRead(context.Request, out var idempotencyKey))
            {
                return ApiProblem.BadRequest("The Idempotency-Key header must be 1 to 200 visible ASCII characters.");
            }

            var senderName = context.User.FindFirst(SessionClaims.Name)?.Value ?? string.Empty;
            var result = await Desk(cluster, context).StartLetter(request.Tone!, senderName, idempotencyKey);
            return result.Outcome switch
            {
                DeskRunOutcome.Started => TypedResults.Created(RunUrls.Run(result.RunId!.Value), StartRunResponse.For(result.RunId.Value)),
                DeskRunOutcome.AlreadyStarted => TypedResults.Ok(StartRunResponse.For(result.RunId!.Value)),
                DeskRunOutcome.InsufficientCredits => ApiProblem.Status(
                    StatusCodes.Status402PaymentRequired, "Not enough credits.", "Buy more credits to write this letter."),
                DeskRunOutcome.NothingToWrite => ApiProblem.Conflict(
                    "There is nothing to write yet.", "Save a description of your issue first."),
                DeskRunOutcome.IdempotencyConflict => ApiProblem.Status(
                    StatusCodes.Status422UnprocessableEntity, "This Idempotency-Key was used for a different request."),
                _ => ApiProblem.BadRequest("Unknown tone."),
            };
        }).RequireRateLimiting(RateLimits.Runs);

        return endpoints;
    }

    private static IWritingDeskGrain Desk(IClusterClient cluster, HttpContext context) =>
        cluster.GetGrain<IWritingDeskGrain>(context.User.GetUserId());

    private static ApiProblem VersionConflict(WritingDeskJob? current)
    {
        var problem = ApiProblem.Conflict(
            "The letter was changed elsewhere.", "Reload it, then make your change again.");
        problem.Problem.Extensions["currentVersion"] = current?.Version ?? 0;
        return problem;
    }
}

public sealed record WritingDeskRequest(string? Intake, string? MpName, string? Constituency, string? Tone, long? Version);

public sealed record LetterRequest(string? Tone);

public sealed record WritingDeskResponse(long Version, string Intake, string MpName, string Constituency, string? Tone, Guid? LetterRunId, DateTimeOffset UpdatedAt)
{
    public static WritingDeskResponse From(WritingDeskJob job) =>
        new(job.Version, job.Intake, job.MpName, job.Constituency, job.Tone, job.LetterRunId, job.UpdatedAt);
}
