namespace HeaderSync.Tests.Infrastructure;

/// <summary>Where the repository and the built executables are, seen from the test binaries.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    // Tests launch the built binaries, never `dotnet run`: same configuration as this build.
    public static string Configuration { get; } =
        new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;

    public static string SimulatorDll { get; } =
        Path.Combine(Root, "HeaderSync.Simulator", "bin", Configuration, "net10.0", "HeaderSync.Simulator.dll");

    public static string WebDll { get; } =
        Path.Combine(Root, "HeaderSync.Web", "bin", Configuration, "net10.0", "HeaderSync.Web.dll");

    public static string BenchDll { get; } = Path.Combine(
        Root, "bench", "HeaderSync.Bench", "bin", Configuration, "net10.0", "HeaderSync.Bench.dll");

    public static string ArtifactsDirectory(string name)
    {
        var directory = Path.Combine(Root, "artifacts", name);
        Directory.CreateDirectory(directory);
        return directory;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HeaderSync.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HeaderSync.sln not found above the test binaries.");
    }
}
