using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Tests.Infrastructure;

namespace HeaderSync.Tests.Review;

/// <summary>
/// Three mailboxes and a few hundred decisions of every decision and reason, many received in
/// the same minute, so paging must break ties on id to show each decision exactly once.
/// </summary>
public sealed class ReviewDatabase : IAsyncLifetime
{
    public const int Decisions = 420;

    public static readonly DateTimeOffset Start = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);

    // Inserted out of address order: the sort must not follow the insertion order.
    private static readonly string[] Addresses = ["cy@contoso.com", "ana@contoso.com", "ben@contoso.com"];

    internal TempDatabase Database { get; } = new();

    public IReadOnlyDictionary<Guid, string> Mailboxes { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.MigrateAsync();
        await using var db = Database.CreateContext();

        var mailboxes = Addresses
            .Select((address, i) => new Mailbox
            {
                Id = Guid.Parse($"0000000{i + 1}-0000-0000-0000-000000000000"),
                OwnerAddress = address,
                Provider = EmailProvider.Office365OAuth,
            })
            .ToList();
        db.Mailboxes.AddRange(mailboxes);
        var reasons = Enum.GetValues<DecisionReason>();
        for (var i = 0; i < Decisions; i++)
        {
            var reason = reasons[i * 7 % reasons.Length];
            db.EmailDecisions.Add(new EmailDecision
            {
                MailboxId = mailboxes[i * 5 % mailboxes.Count].Id,
                GraphMessageId = $"m{i}",
                Folder = MailFolder.Inbox,
                Direction = EmailDirection.Inbound,
                ReceivedAt = Start.AddMinutes(i * 13 % 41),
                Subject = $"Subject {i}",
                Decision = reason is DecisionReason.Prospect or DecisionReason.AccountDomain or DecisionReason.Thread
                    ? Decision.Synced
                    : Decision.Ignored,
                Reason = reason,
                Mode = SyncMode.HeaderOnly,
                Participants =
                [
                    new EmailParticipant { Role = ParticipantRole.To, Address = "seller@contoso.com", Domain = "contoso.com" },
                    new EmailParticipant
                    {
                        Role = ParticipantRole.From,
                        Address = $"p{i % 4}@fabrikam.com",
                        Domain = "fabrikam.com",
                    },
                ],
            });
        }

        await db.SaveChangesAsync();
        Mailboxes = mailboxes.ToDictionary(m => m.Id, m => m.OwnerAddress);
    }

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}
