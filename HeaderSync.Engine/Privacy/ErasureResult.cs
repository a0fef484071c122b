namespace HeaderSync.Engine.Privacy;

/// <summary>
/// What an erasure removed, under the token the audit trail names the person by; or why it was
/// refused, with nothing changed.
/// </summary>
public sealed record ErasureResult(
    string? Token,
    int Emails,
    bool ProspectRemoved,
    int AuditEntriesRedacted,
    bool ExcludedFromNowOn,
    string? Error)
{
    public static ErasureResult Refused(string error) => new(null, 0, false, 0, false, error);
}
