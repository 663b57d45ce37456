namespace MpWriter.Api.Runs;

public sealed record StartRunResponse(Guid RunId, string EventsUrl)
{
    public static StartRunResponse For(Guid runId) => new(runId, RunUrls.Events(runId));
}
