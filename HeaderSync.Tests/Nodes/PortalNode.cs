using HeaderSync.Tests.Infrastructure;

namespace HeaderSync.Tests.Nodes;

/// <summary>One portal process of a multi-node set-up, on a loopback port of its own.</summary>
internal sealed class PortalNode : IAsyncDisposable
{
    private PortalNode(string label, LaunchedProcess process, Uri baseAddress)
    {
        Label = label;
        Process = process;
        BaseAddress = baseAddress;
    }

    public string Label { get; }

    public LaunchedProcess Process { get; }

    public Uri BaseAddress { get; }

    /// <summary>The node id the portal records on runs and leases: machine name and process id.</summary>
    public string NodeId => $"{Environment.MachineName}:{Process.Id}";

    public static async Task<PortalNode> StartAsync(string label, IReadOnlyDictionary<string, string?> environment)
    {
        var port = LoopbackPorts.Free();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var process = new LaunchedProcess(ProcessRunner.StartWeb(["--urls", baseAddress.AbsoluteUri], environment));
        var node = new PortalNode(label, process, baseAddress);
        try
        {
            await node.WaitUntilHealthyAsync();
            return node;
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var waited = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(waited) < TimeSpan.FromMinutes(2))
        {
            if (Process.Process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync(new Uri("health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"Portal node {Label} did not become healthy:\n{Process.Output}");
    }
}
