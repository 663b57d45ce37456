using Microsoft.Extensions.Configuration;

namespace MpWriter.Grains.Hosting;

/// <summary>Where the embedded mode keeps its files (section <c>Storage</c>).</summary>
public sealed class StorageSettings
{
    public const string SectionName = "Storage";

    /// <summary>A folder, relative to the content root unless absolute, for the SQLite file and the generated keys.</summary>
    public string DataDirectory { get; set; } = "data";

    public static string ResolveDataDirectory(IConfiguration configuration, string contentRoot)
    {
        var configured = configuration[$"{SectionName}:{nameof(DataDirectory)}"];
        var directory = string.IsNullOrWhiteSpace(configured) ? "data" : configured;
        return Path.GetFullPath(directory, contentRoot);
    }
}
