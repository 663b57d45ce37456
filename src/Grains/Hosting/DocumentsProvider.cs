namespace MpWriter.Grains.Hosting;

public enum DocumentsProvider
{
    Sqlite = 0,
    MongoDb = 1,
}
