namespace MpWriter.Testing;

public static class RepositoryPaths
{
    /// <summary>The folder holding MpWriter.sln, found from the running test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: whichever the running tests were built as.</summary>
    public static string Configuration { get; } = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        ? "Release"
        : "Debug";

    /// <summary>The built entry assembly of a src project, e.g. Silo → src/Silo/bin/Debug/net10.0/MpWriter.Silo.dll.</summary>
    public static string EntryAssembly(string project) =>
        Path.Combine(Root, "src", project, "bin", Configuration, "net10.0", $"MpWriter.{project}.dll");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MpWriter.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("MpWriter.sln was not found above " + AppContext.BaseDirectory);
    }
}
