using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Generation;

/// <summary>
/// The compact facts a message is regenerated from. Everything else (addresses, headers,
/// bodies, MIME) is rendered on demand from the seed, the mailbox and <see cref="Index"/>.
/// </summary>
internal readonly record struct MessagePlan(
    int Index,
    MailFolderKind Folder,
    Scenario Scenario,
    int Parent,
    long ReceivedAtUnixSeconds);
