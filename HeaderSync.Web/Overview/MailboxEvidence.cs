namespace HeaderSync.Web.Overview;

/// <summary>
/// What one mailbox's sync read: headers of every email, bodies of synced ones only. The share of
/// mail whose body never left Microsoft 365 is the minimisation header-only mode promises.
/// </summary>
public sealed record MailboxEvidence(string Mailbox, int HeadersScanned, int BodiesDownloaded, int BodiesNeverRead)
{
    public double NeverReadShare => HeadersScanned == 0 ? 0 : (double)BodiesNeverRead / HeadersScanned;
}
