using HeaderSync.Simulator.Delta;
using HeaderSync.Simulator.Generation;

namespace HeaderSync.Simulator.Tenant;

/// <summary>
/// One mailbox: compact records indexed by message index (oldest first) and an append-only
/// change log that delta rounds read from. All access goes through one lock.
/// </summary>
internal sealed class MailboxState
{
    private readonly List<MessageRecord> _records;
    private readonly List<ChangeEntry> _changes = [];
    private readonly Lock _lock = new();

    public MailboxState(SimulatedUser user, MessagePlan[] plans)
    {
        User = user;
        _records = new List<MessageRecord>(plans.Length);
        foreach (var plan in plans)
        {
            var read = plan.Folder != MailFolderKind.Inbox || (plan.Index % 10) < 7;
            _records.Add(new MessageRecord(plan, plan.Folder, read, 1, false, plan.ReceivedAtUnixSeconds));
        }
    }

    public SimulatedUser User { get; }

    public int Number => User.Number;

    public long ChangeSequence
    {
        get
        {
            lock (_lock)
            {
                return _changes.Count;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _records.Count;
            }
        }
    }

    public MessageRecord? Find(int index)
    {
        lock (_lock)
        {
            return index >= 0 && index < _records.Count ? _records[index] : null;
        }
    }

    public MessagePlan PlanAt(int index)
    {
        lock (_lock)
        {
            return _records[index].Plan;
        }
    }

    /// <summary>Live messages, oldest first, from <paramref name="startIndex"/> on.</summary>
    public List<MessageRecord> Scan(
        Func<MessageRecord, bool> predicate, int startIndex, int take, bool descending = false)
    {
        var result = new List<MessageRecord>(Math.Min(take, 1024));
        lock (_lock)
        {
            var step = descending ? -1 : 1;
            for (var i = startIndex; i >= 0 && i < _records.Count && result.Count < take; i += step)
            {
                var record = _records[i];
                if (!record.Deleted && predicate(record))
                {
                    result.Add(record);
                }
            }
        }

        return result;
    }

    /// <summary>Changes in a folder after one sequence up to another, the last per message.</summary>
    public List<ChangeEntry> ChangesBetween(MailFolderKind folder, long after, long upTo)
    {
        var latest = new Dictionary<int, ChangeEntry>();
        lock (_lock)
        {
            var end = Math.Min(upTo, _changes.Count);
            for (var seq = Math.Max(after, 0); seq < end; seq++)
            {
                var entry = _changes[(int)seq];
                if (entry.Folder == folder)
                {
                    latest[entry.Index] = entry;
                }
            }
        }

        return [.. latest.Values.OrderBy(e => e.Sequence)];
    }

    public MessageRecord Add(MailFolderKind folder, PostedMessage posted, long nowUnixSeconds)
    {
        lock (_lock)
        {
            var plan = new MessagePlan(_records.Count, folder, Scenario.None, -1, nowUnixSeconds);
            var record = new MessageRecord(plan, folder, false, 1, false, nowUnixSeconds, posted);
            _records.Add(record);
            Log(record.Index, folder, ChangeKind.Upserted);
            return record;
        }
    }

    public bool Delete(int index, long nowUnixSeconds)
    {
        lock (_lock)
        {
            if (index < 0 || index >= _records.Count || _records[index].Deleted)
            {
                return false;
            }

            var record = _records[index];
            _records[index] = record with { Deleted = true, LastModifiedUnixSeconds = nowUnixSeconds };
            Log(index, record.Folder, ChangeKind.Removed);
            return true;
        }
    }

    public MessageRecord? Move(int index, MailFolderKind destination, long nowUnixSeconds)
    {
        lock (_lock)
        {
            if (index < 0 || index >= _records.Count || _records[index].Deleted)
            {
                return null;
            }

            var record = _records[index];
            var moved = record with
            {
                Folder = destination,
                Version = record.Version + 1,
                LastModifiedUnixSeconds = nowUnixSeconds,
            };
            _records[index] = moved;

            // Graph shows a move as @removed in the source and a new item in the destination.
            Log(index, record.Folder, ChangeKind.Removed);
            Log(index, destination, ChangeKind.Upserted);
            return moved;
        }
    }

    /// <summary>Marks a message read or unread: a delta round then reports it as updated.</summary>
    public MessageRecord? SetRead(int index, bool isRead, long nowUnixSeconds)
    {
        lock (_lock)
        {
            if (index < 0 || index >= _records.Count || _records[index].Deleted)
            {
                return null;
            }

            var record = _records[index];
            var updated = record with
            {
                IsRead = isRead,
                Version = record.Version + 1,
                LastModifiedUnixSeconds = nowUnixSeconds,
            };
            _records[index] = updated;
            Log(index, record.Folder, ChangeKind.Upserted);
            return updated;
        }
    }

    private void Log(int index, MailFolderKind folder, ChangeKind kind) =>
        _changes.Add(new ChangeEntry(_changes.Count + 1, index, folder, kind));
}
