using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace HeaderSync.Tests.Simulator.Hosting;

public sealed class StandaloneTests
{
    [Fact]
    public async Task FirstLineOnStandardOutputNamesTheUrl()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "HeaderSync.Simulator.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", "http://127.0.0.1:0", "--seed", "4", "--mailboxes", "2" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));

            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);

            Assert.StartsWith("Simulator listening on http://127.0.0.1:", line, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = new Uri(line!["Simulator listening on ".Length..] + "/") };
            var tenant = await http.GetFromJsonAsync<JsonElement>("_simulator/tenant", timeout.Token);
            Assert.Equal(2, tenant.GetProperty("users").GetArrayLength());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
