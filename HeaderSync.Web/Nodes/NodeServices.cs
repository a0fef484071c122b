using HeaderSync.Data.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HeaderSync.Web.Nodes;

/// <summary>
/// What lets several portal nodes serve one organisation: one data-protection key ring in the
/// database (a cookie issued by one node is read by every other) and, when
/// <c>Redis:ConnectionString</c> is set, the Redis backplane that carries every node's live
/// status to the pages open on any node.
/// </summary>
internal static class NodeServices
{
    public const string ApplicationName = "HeaderSync";

    public static WebApplicationBuilder AddHeaderSyncNodes(
        this WebApplicationBuilder builder, ISignalRServerBuilder signalR)
    {
        var services = builder.Services;

        // Nodes installed in different folders still share keys: the name, not the path, decides.
        services.TryAddScoped(provider =>
            provider.GetRequiredService<IDbContextFactory<HeaderSyncDbContext>>().CreateDbContext());
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<HeaderSyncDbContext>();

        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RedisOptions>, RedisOptionsValidator>();
        var redis = builder.Configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.ConnectionString)}"];
        if (!string.IsNullOrWhiteSpace(redis) && IsParsable(redis))
        {
            signalR.AddStackExchangeRedis(redis, options =>
                options.Configuration.ChannelPrefix = RedisChannel.Literal(ApplicationName));
        }

        return builder;
    }

    // A value that does not parse is reported at start by the validator, naming the key.
    private static bool IsParsable(string connectionString)
    {
        try
        {
            ConfigurationOptions.Parse(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
