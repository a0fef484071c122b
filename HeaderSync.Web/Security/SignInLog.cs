using HeaderSync.Data.Diagnostics;

namespace HeaderSync.Web.Security;

/// <summary>Who signed in, by directory object id only: no names or addresses in the logs.</summary>
internal static partial class SignInLog
{
    [LoggerMessage(LogEventIds.SignedIn, LogLevel.Information,
        "Admin {ObjectId} of tenant {TenantId} signed in")]
    public static partial void SignedIn(ILogger logger, string objectId, string tenantId);

    [LoggerMessage(LogEventIds.SignedInWithoutRole, LogLevel.Warning,
        "User {ObjectId} of tenant {TenantId} signed in without the HeaderSync.Admin role")]
    public static partial void SignedInWithoutRole(ILogger logger, string objectId, string tenantId);

    [LoggerMessage(LogEventIds.CircuitSessionEnded, LogLevel.Information,
        "An open page's session ended or lost the admin role; it must sign in again")]
    public static partial void CircuitSessionEnded(ILogger logger);
}
