using System.Diagnostics;

namespace HeaderSync.Tests.Infrastructure;

/// <summary>Runs a built executable with an environment and collects what it printed.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunWebAsync(
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan? timeout = null)
    {
        var list = arguments.ToList();
        using var process = StartWeb(list, environment);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"HeaderSync.Web {string.Join(' ', list)} did not exit.");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }

    /// <summary>Starts the built standalone simulator with its command-line flags.</summary>
    public static Process StartSimulator(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.SimulatorDll)!,
        };
        start.ArgumentList.Add(RepositoryPaths.SimulatorDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var inherited in start.Environment.Keys.Where(IsHeaderSyncSetting).ToList())
        {
            start.Environment.Remove(inherited);
        }

        return Process.Start(start)!;
    }

    /// <summary>Starts the built web executable; the caller reads its output and ends it.</summary>
    public static Process StartWeb(IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.WebDll)!,
        };
        start.ArgumentList.Add(RepositoryPaths.WebDll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing from the developer's shell, or from fixtures of this process, decides the outcome.
        foreach (var inherited in start.Environment.Keys.Where(IsHeaderSyncSetting).ToList())
        {
            start.Environment.Remove(inherited);
        }

        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = null;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    private static bool IsHeaderSyncSetting(string name) =>
        name.Contains("__", StringComparison.Ordinal)
        && name.Split("__")[0] is "Database" or "Simulator" or "Graph" or "Sync" or "Status" or "AzureAd"
            or "OpenTelemetry" or "Scheduler" or "Redis";
}
