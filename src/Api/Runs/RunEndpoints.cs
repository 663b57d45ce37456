using System.Globalization;
using Microsoft.Extensions.Options;
using MpWriter.Api.Auth;
using MpWriter.Api.Hosting;
using MpWriter.Grains.Runs;

namespace MpWriter.Api.Runs;

public static class RunEndpoints
{
    public static IEndpointRouteBuilder MapRuns(this IEndpointRouteBuilder endpoints)
    {
        var runs = endpoints.MapGroup("/api/runs").WithTags("Runs").RequireAuthorization();

        runs.MapGet("/{id:guid}", async (Guid id, HttpContext context, IClusterClient cluster) =>
            await cluster.GetGrain<IRunGrain>(id).GetSnapshot(context.User.GetUserId()) is { } snapshot
                ? TypedResults.Ok(RunResponse.From(snapshot))
                : (IResult)RunNotFound());

        runs.MapGet("/{id:guid}/events", async Task<IResult> (
            Guid id,
            HttpContext context,
            IClusterClient cluster,
            RunEventRelay relay,
            IOptions<RelayOptions> options,
            IHostApplicationLifetime lifetime) =>
        {
            if (!TryReadPosition(context.Request, out var afterSeq))
            {
                return ApiProblem.BadRequest(
                    "The stream position is not valid.",
                    "Last-Event-ID and 'after' must be a non-negative whole number: the id of the last event received.");
            }

            var userId = context.User.GetUserId();
            var snapshot = await cluster.GetGrain<IRunGrain>(id).GetSnapshot(userId);
            if (snapshot is null)
            {
                return RunNotFound();
            }

            if (snapshot.IsFinished && afterSeq >= snapshot.Seq)
            {
                // The browser already has everything, including the end: 204 tells EventSource to stop reconnecting.
                return TypedResults.NoContent();
            }

            var events = relay.RelayAsync(id, userId, afterSeq, context.RequestAborted);
            return TypedResults.ServerSentEvents(RunEventStream.ToSseItems(
                events, context.Response, options.Value.ReconnectDelay, lifetime.ApplicationStopping));
        });

        runs.MapPost("/{id:guid}/cancel", async Task<IResult> (Guid id, HttpContext context, IClusterClient cluster) =>
        {
            var grain = cluster.GetGrain<IRunGrain>(id);
            var userId = context.User.GetUserId();
            return await grain.Cancel(userId) switch
            {
                CancelRunOutcome.Cancelled => TypedResults.Ok(RunResponse.From((await grain.GetSnapshot(userId))!)),
                CancelRunOutcome.AlreadyFinished => ApiProblem.Conflict("The run has already finished."),
                _ => RunNotFound(),
            };
        });

        return endpoints;
    }

    /// <summary>404 for a run that does not exist and for one that belongs to someone else alike.</summary>
    private static ApiProblem RunNotFound() => ApiProblem.NotFound("There is no such run.");

    /// <summary>The last event id the client has: Last-Event-ID (an EventSource reconnect) wins over <c>?after=</c>.</summary>
    private static bool TryReadPosition(HttpRequest request, out long afterSeq)
    {
        afterSeq = 0;
        string? value = request.Headers["Last-Event-ID"].FirstOrDefault();
        if (string.IsNullOrEmpty(value))
        {
            value = request.Query["after"].FirstOrDefault();
        }

        return string.IsNullOrEmpty(value)
            || long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out afterSeq);
    }
}

public sealed record RunResponse(
    Guid Id,
    RunKind Kind,
    RunStatus Status,
    long Seq,
    string Text,
    RunResultResponse? Result,
    ErrorPayload? Error,
    decimal Cost,
    DateTimeOffset CreatedAt)
{
    public static RunResponse From(RunSnapshot run) => new(
        run.Id,
        run.Kind,
        run.Status,
        run.Seq,
        run.Text,
        run.Result is { } r ? new RunResultResponse(r.Subject, r.Tone, r.WordCount) : null,
        run.Error is { } e ? new ErrorPayload(e.Code, e.Message, e.Refunded) : null,
        Grains.Wallets.CreditAmount.ToDecimal(run.Cost),
        run.CreatedAt);
}
