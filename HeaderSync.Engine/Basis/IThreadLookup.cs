namespace HeaderSync.Engine.Basis;

/// <summary>
/// What one mailbox has already synced, for the Thread rule. Deciding is pure, so an
/// implementation answers from memory: a sync loads what the mailbox has synced when it starts.
/// </summary>
public interface IThreadLookup
{
    /// <summary>Whether an email with this bracketed Message-ID was synced here.</summary>
    bool HasSyncedMessage(string internetMessageId);

    /// <summary>Whether an email of this Graph conversation was synced here.</summary>
    bool HasSyncedConversation(string conversationId);
}
