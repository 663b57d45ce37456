using MpWriter.Grains.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddMpWriterSilo();

var app = builder.Build();
app.MapMpWriterSilo();
app.Run();
