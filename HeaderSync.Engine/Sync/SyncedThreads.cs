using System.Collections.Concurrent;
using HeaderSync.Engine.Basis;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Relevance;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>
    /// Of what every mailbox has synced, only what one email's thread could name: enough for the
    /// Thread rule on that email without loading every synced email.
    /// </summary>
    public static async Task<SyncedThreads> LoadForAsync(
        HeaderSyncDbContext db, HeaderFields email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(email);

        var messageIds = new List<string>(email.References ?? []);
        if (email.InReplyTo is { } inReplyTo)
        {
            messageIds.Add(inReplyTo);
        }

        var conversationId = email.ConversationId;
        var threads = new SyncedThreads();
        if (messageIds.Count == 0 && conversationId is null)
        {
            return threads;
        }

        var synced = await db.EmailDecisions.AsNoTracking()
            .Where(d => d.Decision == Decision.Synced)
            .Where(d => messageIds.Contains(d.InternetMessageId!) || (conversationId != null && d.ConversationId == conversationId))
            .Select(d => new { d.InternetMessageId, d.ConversationId })
            .ToListAsync(cancellationToken);
        foreach (var row in synced)
        {
            threads.Add(row.InternetMessageId, row.ConversationId);
        }

        return threads;
    }
}
