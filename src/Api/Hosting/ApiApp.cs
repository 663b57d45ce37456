namespace MpWriter.Api.Hosting;

public static class ApiApp
{
    /// <summary>Builds the front end from command-line style arguments; Program and the tests both start it this way.</summary>
    public static WebApplication Build(string[] args)
    {
        // Named explicitly: a test host's entry assembly is not this one, and static assets are found by this name.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(ApiApp).Assembly.GetName().Name,
        });
        builder.AddMpWriterApi();
        var app = builder.Build();
        app.UseMpWriterApi();
        return app;
    }
}
