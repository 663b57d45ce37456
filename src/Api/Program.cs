using MpWriter.Api.Hosting;

ApiApp.Build(args).Run();
