using HeaderSync.Simulator.Delta;
using HeaderSync.Simulator.Faults;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Graph;

/// <summary>What a Graph handler works with: the request, the tenant and the faults in force.</summary>
internal sealed record GraphContext(
    GraphRequest Request,
    TenantState Tenant,
    FaultOptions Faults,
    PreferHeader Prefer,
    DateTimeOffset Now,
    LinkTokenCodec Links)
{
    public string MessageId(MailboxState mailbox, MessageRecord record) => Prefer.ImmutableIds
        ? MessageIds.Immutable(mailbox.Number, record.Index)
        : MessageIds.Default(mailbox.Number, record.Index, record.Folder);

    public GraphResponse Error(int status, string code, string message) =>
        GraphErrors.Create(status, code, message, Now);

    public GraphResponse BadRequest(string message) => GraphErrors.BadRequest(message, Now);

    public GraphResponse NotFound(string message) => GraphErrors.NotFound(message, Now);

    public GraphResponse AccessDenied() => GraphErrors.AccessDenied(Now);
}
