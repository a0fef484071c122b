using System.Globalization;
using HeaderSync.Simulator.Hosting;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Simulator;

/// <summary>The standalone simulator: <c>dotnet run --project HeaderSync.Simulator -- --urls ...</c>.</summary>
internal static class SimulatorProgram
{
    public static async Task<int> Main(string[] args)
    {
        SimulatorOptions options;
        string urls;
        try
        {
            (options, urls) = SimulatorCommandLine.Parse(args);
        }
        catch (InvalidOperationException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }

        await using var tenant = await SimulatedTenant.StartAsync(
            options, urls, null, LogLevel.Information, default);

        // Standard output carries exactly this line, so scripts can wait for it and read the URL.
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Simulator listening on {tenant.RootUrl.AbsoluteUri.TrimEnd('/')}"));
        await Console.Out.FlushAsync();
        await tenant.WaitForShutdownAsync();
        return 0;
    }
}
