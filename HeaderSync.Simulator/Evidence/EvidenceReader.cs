using HeaderSync.Simulator.Generation;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Evidence;

/// <summary>Builds the evidence view of a mailbox's messages.</summary>
internal static class EvidenceReader
{
    public static List<MessageEvidence> Messages(TenantState tenant, MailboxState mailbox, int skip, int? top)
    {
        var records = mailbox.Scan(_ => true, 0, top is { } t ? skip + t : int.MaxValue);
        return [.. records.Skip(skip).Select(r => Describe(tenant, mailbox, r))];
    }

    public static MessageEvidence Describe(TenantState tenant, MailboxState mailbox, MessageRecord record)
    {
        var content = tenant.Content(mailbox, record);
        var info = ScenarioCatalog.Find(record.Plan.Scenario);
        var marker = info is null ? null : MessageRenderer.ExtractMarker(content.TextBody);
        return new MessageEvidence(
            MessageIds.Immutable(mailbox.Number, record.Index),
            content.InternetMessageId,
            MailFolders.WellKnownName(record.Folder),
            info?.Scenario,
            info?.Decision,
            info?.Reason,
            info?.Decision == ExpectedDecision.Ignored ? marker : null,
            info?.Decision == ExpectedDecision.Synced ? marker : null);
    }
}
