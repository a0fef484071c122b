using HeaderSync.Engine.Relevance;

namespace HeaderSync.Engine.Basis;

/// <summary>
/// What the Thread rule will ask an <see cref="IThreadLookup"/> about, so that the engine can load
/// the answers for a whole page in one query before deciding it.
/// </summary>
public static class ThreadKeys
{
    public static void Collect(
        HeaderFields email, ISet<string> internetMessageIds, ISet<string> conversationIds)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(internetMessageIds);
        ArgumentNullException.ThrowIfNull(conversationIds);

        if (!string.IsNullOrEmpty(email.InReplyTo))
        {
            internetMessageIds.Add(email.InReplyTo);
        }

        foreach (var reference in email.References ?? [])
        {
            if (!string.IsNullOrEmpty(reference))
            {
                internetMessageIds.Add(reference);
            }
        }

        if (!string.IsNullOrEmpty(email.ConversationId))
        {
            conversationIds.Add(email.ConversationId);
        }
    }
}
