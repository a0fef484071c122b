using HeaderSync.Data.Basis;
using HeaderSync.Data.Database;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Tests.Infrastructure;

namespace HeaderSync.Tests.RuleTesting;

/// <summary>A stored basis, seeded once and only read, shared by the rule tester's tests.</summary>
public sealed class RuleTestDatabase : IAsyncLifetime
{
    internal TempDatabase Database { get; } = new();

    public Task InitializeAsync() => RuleTestData.SeedAsync(Database);

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The basis and the emails the rule tester's tests are written with.</summary>
internal static class RuleTestData
{
    public const string Newsletter = """
        From: Fabrikam News <news@fabrikam.com>
        To: seller@contoso.com
        Subject: Our November newsletter
        Message-ID: <n-1@news.fabrikam.com>
        List-Unsubscribe: <mailto:leave@news.fabrikam.com>
        Precedence: bulk
        """;

    public const string Stranger = """
        From: Carol Stranger <carol@wingtip.example>
        To: seller@contoso.com
        Subject: Meeting next week
        Message-ID: <c-1@wingtip.example>
        """;

    public const string ReplyToSyncedThread = """
        From: Carol Stranger <carol@wingtip.example>
        To: seller@contoso.com
        Subject: Re: Offer
        Message-ID: <c-2@wingtip.example>
        In-Reply-To: <offer-1@contoso.com>
        """;

    public static async Task SeedAsync(TempDatabase database)
    {
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        db.InternalDomains.Add(new InternalDomain { Domain = "contoso.com", Source = InternalDomainSource.Verified });
        db.InternalDomains.Add(new InternalDomain { Domain = "contoso-labs.com", Source = InternalDomainSource.Admin });
        db.Prospects.Add(new Prospect { Email = "jane@fabrikam.com", AccountDomain = "fabrikam.com" });
        db.Exclusions.Add(new Exclusion { Value = "blocked@adatum.com", Kind = ExclusionKind.Address });
        var mailbox = new Mailbox { Id = Guid.NewGuid(), OwnerAddress = "seller@contoso.com", Provider = EmailProvider.Office365OAuth };
        db.Mailboxes.Add(mailbox);
        db.EmailDecisions.Add(new EmailDecision
        {
            MailboxId = mailbox.Id,
            GraphMessageId = "offer",
            InternetMessageId = "<offer-1@contoso.com>",
            Decision = Decision.Synced,
            Reason = DecisionReason.Prospect,
        });
        await db.SaveChangesAsync();
    }
}
