using HeaderSync.Engine.Relevance;

namespace HeaderSync.Engine.Basis;

/// <summary>A thread lookup over sets the caller fills, for a page of mail or a test.</summary>
public sealed class InMemoryThreadLookup : IThreadLookup
{
    // Message ids are case-sensitive on the left of '@'; conversation ids are opaque tokens.
    private readonly HashSet<string> _messageIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _conversationIds = new(StringComparer.Ordinal);

    public void AddMessage(string? internetMessageId)
    {
        var normalized = MessageIds.Normalize(internetMessageId);
        if (normalized is not null)
        {
            _messageIds.Add(normalized);
        }
    }

    public void AddConversation(string? conversationId)
    {
        if (!string.IsNullOrWhiteSpace(conversationId))
        {
            _conversationIds.Add(conversationId.Trim());
        }
    }

    public bool HasSyncedMessage(string internetMessageId) => _messageIds.Contains(internetMessageId);

    public bool HasSyncedConversation(string conversationId) => _conversationIds.Contains(conversationId);
}
