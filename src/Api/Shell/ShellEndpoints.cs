namespace MpWriter.Api.Shell;

public static class ShellEndpoints
{
    public static IEndpointRouteBuilder MapAppShell(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext context, AppShell shell) =>
        {
            context.Response.Headers.CacheControl = "no-cache";
            return TypedResults.Bytes(shell.Page, "text/html; charset=utf-8");
        });
        return endpoints;
    }
}
