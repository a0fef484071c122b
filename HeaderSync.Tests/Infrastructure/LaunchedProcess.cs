using System.Collections.Concurrent;
using System.Diagnostics;

namespace HeaderSync.Tests.Infrastructure;

/// <summary>A launched program whose output is kept for the test's failure messages; killed on dispose.</summary>
internal sealed class LaunchedProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> lines = new();

    public LaunchedProcess(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public int Id => Process.Id;

    public string Output => string.Join('\n', lines);

    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (!cancel.IsCancellationRequested)
        {
            if (lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            if (Process.HasExited)
            {
                break;
            }

            await Task.Delay(50, CancellationToken.None);
        }

        throw new TimeoutException($"No line starting '{prefix}' came. Output:\n{Output}");
    }

    /// <summary>SIGKILL: the process gets no chance to tidy up.</summary>
    public async Task KillAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        await Process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }
}
