namespace MpWriter.Api.Runs;

public static class RunUrls
{
    public static string Run(Guid runId) => $"/api/runs/{runId}";

    public static string Events(Guid runId) => $"/api/runs/{runId}/events";
}
