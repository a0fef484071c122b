using System.Text.Json;
using HeaderSync.Simulator.Faults;
using HeaderSync.Simulator.Graph;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Delta;

/// <summary>Selects one delta page's items and writes them, with replay and sparse faults.</summary>
internal sealed class DeltaPage(
    GraphContext ctx,
    MailboxState mailbox,
    MailFolderKind folder,
    MessageQuery query,
    FaultOptions faults,
    FaultDice dice)
{
    // Graph caps a delta round filtered on receivedDateTime at 5,000 messages.
    private const int FilteredCap = 5000;
    private readonly List<(MessageRecord Record, bool Removed, MailFolderKind From)> _items = [];
    private bool _changes;

    /// <summary>Fills a page of the first round and returns the link state that follows it.</summary>
    public LinkState Initial(LinkState link)
    {
        var cap = link.FilterFrom == long.MinValue ? int.MaxValue : FilteredCap;
        var take = Math.Min(link.PageSize, cap - link.Returned);
        var records = take <= 0
            ? []
            : mailbox.Scan(
                r => r.Folder == folder && r.Plan.ReceivedAtUnixSeconds >= link.FilterFrom,
                link.Cursor + 1,
                take + 1);
        var page = records.Take(Math.Max(take, 0)).ToList();
        _items.AddRange(page.Select(r => (r, false, folder)));

        var returned = link.Returned + page.Count;
        if (records.Count > page.Count && returned < cap)
        {
            return link with { Cursor = page[^1].Index, Returned = returned };
        }

        return NextRound(link, link.FromSequence);
    }

    /// <summary>Fills a page of a later round from the change log.</summary>
    public LinkState Changes(LinkState link)
    {
        _changes = true;
        var changes = mailbox.ChangesBetween(folder, link.FromSequence, link.UpToSequence);
        foreach (var change in changes.Skip(link.Offset).Take(link.PageSize))
        {
            var record = mailbox.Find(change.Index)!;
            var gone = change.Kind == ChangeKind.Removed || record.Deleted || record.Folder != folder;
            _items.Add((record, gone, change.Folder));
        }

        return link.Offset + link.PageSize < changes.Count
            ? link with { Offset = link.Offset + link.PageSize }
            : NextRound(link, link.UpToSequence);
    }

    public void WriteItems(Utf8JsonWriter w)
    {
        foreach (var (record, removed, from) in _items)
        {
            if (removed)
            {
                WriteRemoved(w, record, from);
                continue;
            }

            if (_changes && dice.Roll(faults.DeltaSparseRate))
            {
                MessageJsonWriter.WriteSparse(w, ctx, mailbox, record);
            }
            else
            {
                MessageJsonWriter.Write(w, ctx, mailbox, record, query);
            }

            // Graph may deliver the same item twice; clients must cope.
            if (dice.Roll(faults.DeltaReplayRate))
            {
                MessageJsonWriter.Write(w, ctx, mailbox, record, query);
            }
        }
    }

    private static LinkState NextRound(LinkState link, long from) => link with
    {
        Kind = LinkKind.DeltaNextRound,
        FromSequence = from,
        UpToSequence = 0,
        Cursor = -1,
        Offset = 0,
        Returned = 0,
        Page = 0,
        FilterFrom = long.MinValue,
    };

    private void WriteRemoved(Utf8JsonWriter w, MessageRecord record, MailFolderKind from)
    {
        w.WriteStartObject();
        w.WriteString("@odata.type", "#microsoft.graph.message");
        w.WriteString("id", ctx.Prefer.ImmutableIds
            ? MessageIds.Immutable(mailbox.Number, record.Index)
            : MessageIds.Default(mailbox.Number, record.Index, from));
        w.WriteStartObject("@removed");
        w.WriteString("reason", "deleted");
        w.WriteEndObject();
        w.WriteEndObject();
        ctx.Request.Record.Returned(MessageIds.Immutable(mailbox.Number, record.Index), false);
    }
}
