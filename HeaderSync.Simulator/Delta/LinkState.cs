using HeaderSync.Simulator.Graph;

namespace HeaderSync.Simulator.Delta;

/// <summary>
/// Everything needed to continue a list or a delta round. It travels inside the link itself,
/// signed, so no server state is needed and links survive a restart.
/// </summary>
internal sealed record LinkState
{
    public required LinkKind Kind { get; init; }

    public required int Mailbox { get; init; }

    /// <summary>-1 when the list spans all folders.</summary>
    public required int Folder { get; init; }

    public string Select { get; init; } = "";

    public string Expand { get; init; } = "";

    /// <summary>The <c>$filter</c> of a users list.</summary>
    public string Filter { get; init; } = "";

    /// <summary>Message index the next page starts after (before, for newest-first lists).</summary>
    public int Cursor { get; init; }

    public int Offset { get; init; }

    public long FromSequence { get; init; }

    public long UpToSequence { get; init; }

    /// <summary>Unix seconds of a <c>receivedDateTime ge</c> filter; long.MinValue when none.</summary>
    public long FilterFrom { get; init; } = long.MinValue;

    public int Returned { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; }

    public MessageQuery ToQuery()
    {
        MessageQuery.TryParse(Select, Expand, out var query, out _);
        return query;
    }
}
