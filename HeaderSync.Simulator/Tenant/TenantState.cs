using HeaderSync.Simulator;
using HeaderSync.Simulator.Generation;

namespace HeaderSync.Simulator.Tenant;

/// <summary>The whole simulated tenant: its directory, its mailboxes and how to render mail.</summary>
internal sealed class TenantState
{
    public TenantState(SimulatorOptions options, TimeProvider time)
    {
        Options = options;
        Directory = DirectoryGenerator.Create(options);
        var clock = time.GetUtcNow();
        Mailboxes = [.. Directory.Users.Select(
            u => new MailboxState(u, MailboxPlanner.Plan(options, u.Number, clock)))];
        Renderer = new MessageRenderer(Directory, options.Seed);
    }

    public SimulatorOptions Options { get; }

    public TenantDirectory Directory { get; }

    public IReadOnlyList<MailboxState> Mailboxes { get; }

    public MessageRenderer Renderer { get; }

    public MailboxState? FindMailbox(string idOrUpn) =>
        Directory.FindUser(idOrUpn) is { } user ? Mailboxes[user.Number] : null;

    public MessageContent Content(MailboxState mailbox, MessageRecord record) =>
        record.Posted?.Content ?? Renderer.Render(mailbox.Number, record.Plan, mailbox.PlanAt);

    public byte[] Mime(MailboxState mailbox, MessageRecord record) =>
        record.Posted?.Mime ?? MimeFactory.ToBytes(MimeFactory.Create(Content(mailbox, record)));
}
