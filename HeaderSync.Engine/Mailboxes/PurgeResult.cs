namespace HeaderSync.Engine.Mailboxes;

/// <summary>What a purge deleted with the mailbox.</summary>
public sealed record PurgeResult(
    string Mailbox, int Decisions, int Participants, int Contents, int DailyCounts, int Cursors, int Runs);
