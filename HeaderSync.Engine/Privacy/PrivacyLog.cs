using HeaderSync.Data.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Engine.Privacy;

internal static partial class PrivacyLog
{
    // The person is named by token only: logs outlive the erasure.
    [LoggerMessage(LogEventIds.PersonErased, LogLevel.Information,
        "Person {Token} erased by {Actor}: {Emails} emails, {AuditEntries} audit entries redacted")]
    public static partial void Erased(ILogger logger, string token, string actor, int emails, int auditEntries);
}
