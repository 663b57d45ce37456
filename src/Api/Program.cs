using MpWriter.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddMpWriterApi();

var app = builder.Build();
app.UseMpWriterApi();
app.Run();

/// <summary>The entry point, visible to tests that host the app.</summary>
public partial class Program;
