using System.Diagnostics;

namespace HeaderSync.Tests.Infrastructure;

/// <summary>Installs Debian packages a test needs when the machine lacks them, once per test run.</summary>
internal static class DebianPackages
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task EnsureAsync(Func<bool> present, params string[] packages)
    {
        if (present())
        {
            return;
        }

        await Gate.WaitAsync();
        try
        {
            if (present())
            {
                return;
            }

            await RunAsync("apt-get", "update", "-qq");
            await RunAsync("apt-get", ["install", "-y", "-qq", .. packages]);
            if (!present())
            {
                throw new InvalidOperationException($"Installing {string.Join(' ', packages)} did not bring what the test needs.");
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        // Root installs directly; anyone else goes through sudo, as scripts/test.sh does.
        var asRoot = Environment.UserName == "root";
        var start = new ProcessStartInfo(asRoot ? program : "sudo")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (!asRoot)
        {
            start.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await error}{await output}");
        }
    }
}
