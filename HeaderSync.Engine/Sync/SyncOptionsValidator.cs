using Microsoft.Extensions.Options;

namespace HeaderSync.Engine.Sync;

internal sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        var builder = new ValidateOptionsResultBuilder();

        // Graph's delta pages hold at most 1,000 messages.
        if (options.PageSize is < 1 or > 1000)
        {
            builder.AddError($"Sync:PageSize must be between 1 and 1000 (was {options.PageSize}).");
        }

        if (options.MaxConcurrentMailboxes is < 1 or > 1000)
        {
            builder.AddError("Sync:MaxConcurrentMailboxes must be between 1 and 1000 "
                + $"(was {options.MaxConcurrentMailboxes}).");
        }

        if (options.MaxRequestsPerMailboxPer10Min is < 1 or > 10_000)
        {
            builder.AddError("Sync:MaxRequestsPerMailboxPer10Min must be between 1 and 10000, "
                + $"Graph's own limit (was {options.MaxRequestsPerMailboxPer10Min}).");
        }

        return builder.Build();
    }
}
