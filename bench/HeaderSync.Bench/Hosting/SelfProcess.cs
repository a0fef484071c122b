using System.Diagnostics;

namespace HeaderSync.Bench.Hosting;

/// <summary>Starts this bench binary again as a child process with a hidden sub-command.</summary>
internal static class SelfProcess
{
    /// <param name="environment">Variables the child gets on top of this process's own.</param>
    public static Process Start(
        IEnumerable<string> arguments, bool redirectInput, IReadOnlyDictionary<string, string>? environment = null)
    {
        var host = Environment.ProcessPath is { } path
            && Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase)
            ? path
            : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardInput = redirectInput,
            RedirectStandardError = false,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(typeof(SelfProcess).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("The bench could not start itself.");
    }
}
