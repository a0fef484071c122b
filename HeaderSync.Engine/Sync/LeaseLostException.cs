namespace HeaderSync.Engine.Sync;

/// <summary>Another sync took the mailbox over (this one's lease expired); this one stops.</summary>
public sealed class LeaseLostException(string mailbox)
    : Exception($"The sync lease of {mailbox} was taken over by another sync.");
