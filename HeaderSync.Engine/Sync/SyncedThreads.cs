using System.Collections.Concurrent;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Relevance;

namespace HeaderSync.Engine.Sync;

/// <summary>
/// What one mailbox has synced, for the Thread rule: loaded at the start of a run and grown as
/// the run syncs more, from both folders at once.
/// </summary>
public sealed class SyncedThreads : IThreadLookup
{
    private readonly ConcurrentDictionary<string, byte> messageIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> conversationIds = new(StringComparer.Ordinal);

    public void Add(string? internetMessageId, string? conversationId)
    {
        if (MessageIds.Normalize(internetMessageId) is { } messageId)
        {
            messageIds.TryAdd(messageId, 0);
        }

        if (!string.IsNullOrWhiteSpace(conversationId))
        {
            conversationIds.TryAdd(conversationId.Trim(), 0);
        }
    }

    public bool HasSyncedMessage(string internetMessageId) => messageIds.ContainsKey(internetMessageId);

    public bool HasSyncedConversation(string conversationId) => conversationIds.ContainsKey(conversationId);
}
