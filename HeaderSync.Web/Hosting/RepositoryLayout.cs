namespace HeaderSync.Web.Hosting;

/// <summary>Finds the repository a development run starts from, by its solution file.</summary>
internal static class RepositoryLayout
{
    public const string SolutionFile = "HeaderSync.sln";

    public static string? FindRoot(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    public static string DefaultSqlitePath(string contentRoot)
    {
        var root = FindRoot(contentRoot) ?? FindRoot(AppContext.BaseDirectory) ?? contentRoot;
        return Path.Combine(root, "data", "headersync.db");
    }
}
