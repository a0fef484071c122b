using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Basis;

namespace HeaderSync.Engine.Relevance;

/// <summary>
/// Decides one email from its header-level fields, in DESIGN.md's rule order: the first decisive
/// rule wins and every later rule is recorded as skipped. Pure: no I/O, no clock, no throwing
/// on malformed fields.
/// </summary>
public static class RelevanceDecider
{
    private static readonly DecisionReason[] Rules =
    [
        DecisionReason.Sensitive,
        DecisionReason.Excluded,
        DecisionReason.Automated,
        DecisionReason.InternalOnly,
        DecisionReason.Prospect,
        DecisionReason.AccountDomain,
        DecisionReason.Thread,
        DecisionReason.NoProspect,
    ];

    /// <summary>The rules in the order they run; the trace lists them in this order.</summary>
    public static IReadOnlyList<DecisionReason> RuleOrder { get; } = Array.AsReadOnly(Rules);

    /// <summary>Decides against a pre-indexed basis; without a thread lookup Thread is skipped.</summary>
    public static RelevanceOutcome Decide(HeaderFields email, BasisIndex basis, IThreadLookup? threads)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(basis);

        var trace = new RuleTrace[Rules.Length];
        HeaderSigns.Scan(email.InternetMessageHeaders, out var sensitive, out var automated);
        sensitive ??= SensitivityFromProperty(email.SensitivityProperty);
        if (sensitive is not null)
        {
            return Decisive(trace, 0, sensitive);
        }

        Pass(trace, 0);
        var participants = ParticipantScan.Run(email, basis);
        if (participants.Excluded is not null)
        {
            return Decisive(trace, 1, participants.Excluded);
        }

        Pass(trace, 1);
        automated ??= participants.NoReplySender;
        if (automated is not null)
        {
            return Decisive(trace, 2, automated);
        }

        Pass(trace, 2);
        if (participants.Count > 0 && participants.AllInternal)
        {
            return Decisive(trace, 3, participants.InternalDomain);
        }

        Pass(trace, 3);
        if (participants.Prospect is not null)
        {
            return Decisive(trace, 4, participants.Prospect);
        }

        Pass(trace, 4);
        if (!basis.AccountDomainMatching)
        {
            trace[5] = new RuleTrace(DecisionReason.AccountDomain, RuleResult.Skipped, null);
        }
        else if (participants.AccountDomain is not null)
        {
            return Decisive(trace, 5, participants.AccountDomain);
        }
        else
        {
            Pass(trace, 5);
        }

        if (threads is null)
        {
            trace[6] = new RuleTrace(DecisionReason.Thread, RuleResult.Skipped, null);
        }
        else if (FindSyncedThread(email, threads) is { } thread)
        {
            return Decisive(trace, 6, thread);
        }
        else
        {
            Pass(trace, 6);
        }

        return Decisive(trace, 7, null);
    }

    /// <summary>
    /// The folder of a file given to `decide`: sent mail exactly when From is in an internal
    /// domain, since a file says nothing about where it was kept.
    /// </summary>
    public static FolderKind FolderOfFile(HeaderFields email, BasisIndex basis)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(basis);
        return basis.IsInternalAddress(email.From?.Address) ? FolderKind.Sent : FolderKind.Inbox;
    }

    /// <summary>Whether a reason's decision keeps the email.</summary>
    public static Decision DecisionOf(DecisionReason reason) => reason switch
    {
        DecisionReason.Prospect or DecisionReason.AccountDomain or DecisionReason.Thread =>
            Decision.Synced,
        _ => Decision.Ignored,
    };

    // PR_SENSITIVITY: 2 is private, 3 confidential; 1 (personal) is not decisive by design.
    private static string? SensitivityFromProperty(int? value) => value switch
    {
        2 => "Integer 0x0036: 2",
        3 => "Integer 0x0036: 3",
        _ => null,
    };

    private static string? FindSyncedThread(HeaderFields email, IThreadLookup threads)
    {
        if (email.InReplyTo is { Length: > 0 } inReplyTo && threads.HasSyncedMessage(inReplyTo))
        {
            return $"In-Reply-To: {inReplyTo}";
        }

        // Fields set by hand may break their annotations; a null list is no list.
        var references = email.References ?? [];
        for (var i = references.Count - 1; i >= 0; i--)
        {
            var reference = references[i];
            if (!string.IsNullOrEmpty(reference) && threads.HasSyncedMessage(reference))
            {
                return $"References: {reference}";
            }
        }

        if (email.ConversationId is { Length: > 0 } conversationId
            && threads.HasSyncedConversation(conversationId))
        {
            return $"conversationId: {conversationId}";
        }

        return null;
    }

    private static void Pass(RuleTrace[] trace, int index) =>
        trace[index] = new RuleTrace(Rules[index], RuleResult.NotDecisive, null);

    private static RelevanceOutcome Decisive(RuleTrace[] trace, int index, string? matched)
    {
        var reason = Rules[index];
        trace[index] = new RuleTrace(reason, RuleResult.Decisive, matched);
        for (var i = index + 1; i < trace.Length; i++)
        {
            trace[i] = new RuleTrace(Rules[i], RuleResult.Skipped, null);
        }

        return new RelevanceOutcome(DecisionOf(reason), reason, trace);
    }
}
