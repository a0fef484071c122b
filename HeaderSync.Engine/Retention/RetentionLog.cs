using HeaderSync.Data.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Engine.Retention;

internal static partial class RetentionLog
{
    [LoggerMessage(LogEventIds.RetentionApplied, LogLevel.Information,
        "Retention cleared the review fields of {ReviewFieldsCleared} ignored emails and purged the content of {ContentPurged} synced emails")]
    public static partial void Applied(ILogger logger, int reviewFieldsCleared, int contentPurged);
}
