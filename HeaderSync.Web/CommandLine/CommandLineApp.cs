using HeaderSync.Web.Hosting;
using Microsoft.Extensions.Options;

namespace HeaderSync.Web.CommandLine;

/// <summary>
/// The web executable's verbs. Standard output carries only results, one JSON line each;
/// logs and errors go to standard error.
/// </summary>
public static class CommandLineApp
{
    private static readonly string[] Verbs = ["migrate", "sync", "decide"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0]);

    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var verb = args[0];
        var rest = args[1..];
        object arguments;
        try
        {
            arguments = verb switch
            {
                "sync" => SyncArguments.Parse(rest),
                "decide" => DecideArguments.Parse(rest),
                _ => rest.Length == 0 ? new MigrateArguments() : throw new UsageException(
                    $"migrate takes no arguments; got '{string.Join(' ', rest)}'."),
            };
        }
        catch (UsageException usage)
        {
            await error.WriteLineAsync(usage.Message);
            await error.WriteLineAsync(UsageOf(verb));
            return ExitCodes.Usage;
        }

        try
        {
            await using var app = await BuildHostAsync(cancellationToken);
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return arguments switch
            {
                MigrateArguments => await app.Services.GetRequiredService<MigrateCommand>()
                    .RunAsync(output, cancellationToken),
                SyncArguments sync => await app.Services.GetRequiredService<SyncCommand>()
                    .RunAsync(sync, output, error, cancellationToken),
                DecideArguments decide => await app.Services.GetRequiredService<DecideCommand>()
                    .RunAsync(decide, output, error, cancellationToken),
                _ => throw new InvalidOperationException($"No handler for {verb}."),
            };
        }
        catch (Exception exception) when (ConfigurationFailure.TryDescribe(exception, out var failure))
        {
            await error.WriteLineAsync($"Configuration error: {failure}");
            return ExitCodes.Configuration;
        }
    }

    private static async Task<WebApplication> BuildHostAsync(CancellationToken cancellationToken)
    {
        // No arguments reach configuration: they are the verb's, already parsed.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        await builder.AddHeaderSyncCoreAsync(cancellationToken);
        builder.Services.AddTransient<MigrateCommand>();
        builder.Services.AddTransient<SyncCommand>();
        builder.Services.AddTransient<DecideCommand>();
        return builder.Build();
    }

    private static string UsageOf(string verb) => verb switch
    {
        "sync" => SyncArguments.Usage,
        "decide" => DecideArguments.Usage,
        _ => "usage: migrate",
    };
}
