using HeaderSync.Simulator;

namespace HeaderSync.Tests.Simulator.Hosting;

public sealed class ArchitectureTests
{
    [Fact]
    public void SimulatorReferencesNoOtherHeaderSyncAssembly()
    {
        var assembly = typeof(SimulatedTenant).Assembly;

        var references = assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();

        Assert.Contains(references, r => r.StartsWith("MimeKit", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("HeaderSync.", StringComparison.Ordinal));
    }

    [Fact]
    public void SimulatorProjectFileReferencesNoProject()
    {
        var project = FindRepositoryFile("HeaderSync.Simulator/HeaderSync.Simulator.csproj");

        var text = File.ReadAllText(project);

        Assert.DoesNotContain("ProjectReference", text, StringComparison.Ordinal);
    }

    private static string FindRepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(relative);
    }
}
