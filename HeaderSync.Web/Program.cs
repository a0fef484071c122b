using HeaderSync.Web.CommandLine;
using HeaderSync.Web.Hosting;

// Verbs are parsed before any web host is built: `migrate`, `sync`, `decide`.
if (CommandLineApp.IsCommand(args))
{
    return await CommandLineApp.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
}

var builder = WebApplication.CreateBuilder(args);
WebApplication? app = null;
try
{
    await builder.AddHeaderSyncPortalAsync(CancellationToken.None);
    app = builder.Build();
    app.MapHeaderSyncPortal();
    await app.RunAsync();
    return ExitCodes.Success;
}
catch (Exception exception) when (ConfigurationFailure.TryDescribe(exception, out var failure))
{
    if (app is not null)
    {
        StartupLog.ConfigurationInvalid(app.Logger, failure);
    }

    await Console.Error.WriteLineAsync($"Configuration error: {failure}");
    return ExitCodes.Configuration;
}

/// <summary>The web executable's entry point; also the anchor for integration tests.</summary>
public partial class Program;
