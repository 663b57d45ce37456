using MpWriter.Grains.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddMpWriterLogging();
builder.UseOrleans(silo => silo.UseMpWriter());

var app = builder.Build();
app.Run();
