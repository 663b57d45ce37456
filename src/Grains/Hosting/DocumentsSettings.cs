using Microsoft.Extensions.Configuration;

namespace MpWriter.Grains.Hosting;

/// <summary>Where users, the ledger and audit events live (section <c>Documents</c>).</summary>
public sealed class DocumentsSettings
{
    public const string SectionName = "Documents";
    public const string MongoConnectionStringName = "MongoDb";

    /// <summary>Unset: SQLite in embedded mode, MongoDB in Redis mode.</summary>
    public DocumentsProvider? Provider { get; set; }

    public string MongoDatabase { get; set; } = "mpwriter";

    public static DocumentsSettings From(IConfiguration configuration)
    {
        var settings = new DocumentsSettings();
        configuration.GetSection(SectionName).Bind(settings);
        settings.Provider ??= ClusterSettings.From(configuration).Mode == ClusterMode.Redis ? DocumentsProvider.MongoDb : DocumentsProvider.Sqlite;
        return settings;
    }
}
