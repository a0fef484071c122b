using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Hosting;

namespace HeaderSync.Tests.Hosting;

public sealed class RepositoryLayoutTests
{
    [Fact]
    public void TheDevelopmentDatabaseLivesInDataAtTheRepositoryRoot()
    {
        var contentRoot = Path.Combine(RepositoryPaths.Root, "HeaderSync.Web");

        var path = RepositoryLayout.DefaultSqlitePath(contentRoot);

        Assert.Equal(Path.Combine(RepositoryPaths.Root, "data", "headersync.db"), path);
    }

    [Fact]
    public void TheRootIsFoundFromAnyFolderBelowIt() =>
        Assert.Equal(RepositoryPaths.Root, RepositoryLayout.FindRoot(Path.Combine(RepositoryPaths.Root, "HeaderSync.Web", "Hosting")));
}
