using HeaderSync.Data.Diagnostics;
using Microsoft.Extensions.Logging;

namespace HeaderSync.Engine.Enrolment;

internal static partial class EnrolmentLog
{
    [LoggerMessage(LogEventIds.MailboxEnrolled, LogLevel.Information, "Mailbox {Mailbox} enrolled")]
    public static partial void MailboxEnrolled(ILogger logger, string mailbox);

    [LoggerMessage(LogEventIds.BasisImported, LogLevel.Information,
        "Basis imported: {Prospects} prospects, {Exclusions} exclusions, {Rejected} lines rejected")]
    public static partial void BasisImported(ILogger logger, int prospects, int exclusions, int rejected);
}
