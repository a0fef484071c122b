using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Delta;

/// <summary>One entry of a mailbox's append-only change log; the sequence is 1-based.</summary>
internal readonly record struct ChangeEntry(long Sequence, int Index, MailFolderKind Folder, ChangeKind Kind);
