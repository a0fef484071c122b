using System.Text.Json;
using HeaderSync.Data.Basis;
using HeaderSync.Data.Decisions;
using HeaderSync.Data.Mailboxes;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.CommandLine;

namespace HeaderSync.Tests.CommandLine;

public sealed class DecideCommandTests : IDisposable
{
    private const string ProspectsCsv = """
        email,name,company,account_domain
        pat@fabrikam.com,Pat,Fabrikam,fabrikam.com
        """;

    private static readonly string[] RuleOrder =
    [
        "Sensitive", "Excluded", "Automated", "InternalOnly",
        "Prospect", "AccountDomain", "Thread", "NoProspect",
    ];

    private static readonly DateTimeOffset Received = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase database = new();
    private readonly string folder = Directory.CreateTempSubdirectory("headersync-decide-").FullName;

    [Fact]
    public async Task AProspectNamedInTheCsvIsSyncedAsProspect()
    {
        var csv = Write("prospects.csv", ProspectsCsv);
        var email = Write("whole.eml", Mime(
            "From: Pat <pat@fabrikam.com>", "To: seller@contoso.com", "Subject: Renewal")
            + "Body text.\r\n");

        var result = await DecideAsync(["--prospects", csv, email]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var line = Assert.Single(Lines(result));
        Assert.Equal(email, line.GetProperty("file").GetString());
        Assert.Equal("Synced", line.GetProperty("decision").GetString());
        Assert.Equal("Prospect", line.GetProperty("reason").GetString());
        Assert.Equal("pat@fabrikam.com", Step(line, "Prospect").GetProperty("matched").GetString());
    }

    [Fact]
    public async Task ANewsletterWithListUnsubscribeIsIgnoredAsAutomatedEvenFromAProspect()
    {
        var csv = Write("prospects.csv", ProspectsCsv);
        var email = Write("newsletter.eml", Mime(
            "From: pat@fabrikam.com", "To: seller@contoso.com",
            "List-Unsubscribe: <mailto:leave@fabrikam.com>"));

        var result = await DecideAsync(["--prospects", csv, email]);

        var line = Assert.Single(Lines(result));
        Assert.Equal("Ignored", line.GetProperty("decision").GetString());
        Assert.Equal("Automated", line.GetProperty("reason").GetString());
        Assert.Equal("Decisive", Step(line, "Automated").GetProperty("result").GetString());
    }

    [Fact]
    public async Task MailAmongInternalDomainsIsIgnoredAsInternalOnly()
    {
        var email = Write("colleagues.eml", Mime(
            "From: ana@contoso.com", "To: ben@eu.contoso.com", "Cc: cy@fabrikam-internal.com"));

        var result = await DecideAsync(
            ["--internal-domains", "contoso.com,fabrikam-internal.com", email]);

        var line = Assert.Single(Lines(result));
        Assert.Equal("Ignored", line.GetProperty("decision").GetString());
        Assert.Equal("InternalOnly", line.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task NoAccountDomainsTurnsAnAccountDomainMatchIntoNoProspect()
    {
        var csv = Write("prospects.csv", ProspectsCsv);
        var email = Write(
            "colleague-of-pat.eml", Mime("From: lee@fabrikam.com", "To: seller@contoso.com"));

        var matching = await DecideAsync(["--prospects", csv, email]);
        var notMatching = await DecideAsync(["--prospects", csv, "--no-account-domains", email]);

        var on = Assert.Single(Lines(matching));
        Assert.Equal("Synced", on.GetProperty("decision").GetString());
        Assert.Equal("AccountDomain", on.GetProperty("reason").GetString());
        var off = Assert.Single(Lines(notMatching));
        Assert.Equal("Ignored", off.GetProperty("decision").GetString());
        Assert.Equal("NoProspect", off.GetProperty("reason").GetString());
        Assert.Equal("Skipped", Step(off, "AccountDomain").GetProperty("result").GetString());
    }

    [Theory]
    [InlineData("sent.eml")]
    [InlineData("sent.json")]
    public async Task SentMailFromAnInternalAddressCountsABccProspect(string name)
    {
        var csv = Write("prospects.csv", ProspectsCsv);
        var email = Write(name, name.EndsWith(".json", StringComparison.Ordinal)
            ? GraphMessage(from: "seller@contoso.com", to: "ana@contoso.com", bcc: "pat@fabrikam.com")
            : Mime("From: seller@contoso.com", "To: ana@contoso.com", "Bcc: pat@fabrikam.com"));

        var result = await DecideAsync(["--prospects", csv, "--internal-domains", "contoso.com", email]);

        var line = Assert.Single(Lines(result));
        Assert.Equal("Synced", line.GetProperty("decision").GetString());
        Assert.Equal("Prospect", line.GetProperty("reason").GetString());
        Assert.Equal("pat@fabrikam.com", Step(line, "Prospect").GetProperty("matched").GetString());
    }

    [Fact]
    public async Task ReceivedMailDoesNotCountItsBcc()
    {
        var csv = Write("prospects.csv", ProspectsCsv);
        var email = Write("received.json", GraphMessage(
            from: "someone@northwind.example", to: "seller@contoso.com", bcc: "pat@fabrikam.com"));

        var result = await DecideAsync(["--prospects", csv, "--internal-domains", "contoso.com", email]);

        var line = Assert.Single(Lines(result));
        Assert.Equal("NoProspect", line.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task TheTraceListsTheEightRulesInOrderWithThreadSkippedUnderBasisFlags()
    {
        var email = Write("stranger.eml", Mime(
            "From: someone@northwind.example", "To: seller@contoso.com",
            "In-Reply-To: <earlier@northwind.example>"));

        var result = await DecideAsync(["--internal-domains", "contoso.com", email]);

        var line = Assert.Single(Lines(result));
        Assert.Equal(["file", "decision", "reason", "trace"], Names(line));
        var trace = line.GetProperty("trace").EnumerateArray().ToList();
        Assert.Equal(RuleOrder, trace.Select(s => s.GetProperty("rule").GetString()));
        Assert.All(trace, s => Assert.Equal(["rule", "result", "matched"], Names(s)));
        Assert.Equal(
            ["NotDecisive", "NotDecisive", "NotDecisive", "NotDecisive",
             "NotDecisive", "NotDecisive", "Skipped", "Decisive"],
            trace.Select(s => s.GetProperty("result").GetString()));
        Assert.Equal("Ignored", line.GetProperty("decision").GetString());
        Assert.Equal("NoProspect", line.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AnUnreadableFilePrintsItsErrorAndExitsOneWhileTheOthersAreDecided()
    {
        var first = Write("first.eml", Mime("From: a@northwind.example", "To: seller@contoso.com"));
        var missing = Path.Combine(folder, "missing.eml");
        var broken = Write("broken.json", "{ \"from\": ");
        var last = Write(
            "last.json", GraphMessage(from: "b@northwind.example", to: "seller@contoso.com"));

        var result = await DecideAsync(["--no-account-domains", first, missing, broken, last]);

        Assert.Equal(ExitCodes.Failed, result.ExitCode);
        var lines = Lines(result);
        Assert.Equal(4, lines.Count);
        Assert.Equal("NoProspect", lines[0].GetProperty("reason").GetString());
        foreach (var (line, file) in new[] { (lines[1], missing), (lines[2], broken) })
        {
            Assert.Equal(["file", "error"], Names(line));
            Assert.Equal(file, line.GetProperty("file").GetString());
            Assert.False(string.IsNullOrWhiteSpace(line.GetProperty("error").GetString()));
        }

        Assert.Equal("NoProspect", lines[3].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task LinesFollowTheOrderOfTheArguments()
    {
        var names = new[] { "c.eml", "a.json", "d.eml", "b.eml" };
        var files = names.Select(name => Write(name, name.EndsWith(".json", StringComparison.Ordinal)
            ? GraphMessage(from: $"{name}@northwind.example", to: "seller@contoso.com")
            : Mime($"From: {name}@northwind.example", "To: seller@contoso.com"))).ToList();

        var result = await DecideAsync(["--no-account-domains", .. files]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(files, Lines(result).Select(line => line.GetProperty("file").GetString()));
    }

    [Fact]
    public async Task BasisFlagsLeaveTheConfiguredDatabaseUnopened()
    {
        var email = Write("a.eml", Mime("From: a@northwind.example", "To: seller@contoso.com"));

        var result = await DecideAsync(["--internal-domains", "contoso.com", email]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Single(Lines(result));
        Assert.False(File.Exists(database.FilePath), "decide with basis flags created the database.");
    }

    [Fact]
    public async Task ABadLineOfABasisFileIsReportedWithItsNumberAndSkipped()
    {
        var csv = Write("prospects.csv", "email\r\nnot-an-address\r\npat@fabrikam.com\r\n");
        var exclusions = Write("exclusions.txt", "# competitors\r\nrival.example\r\nnot a domain\r\n");
        var prospect = Write("pat.eml", Mime("From: pat@fabrikam.com", "To: seller@contoso.com"));
        var rival = Write("rival.eml", Mime("From: sam@rival.example", "To: seller@contoso.com"));

        var result = await DecideAsync(
            ["--prospects", csv, "--exclusions", exclusions, prospect, rival]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"{csv} line 2:", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{exclusions} line 3:", result.Error, StringComparison.Ordinal);
        var lines = Lines(result);
        Assert.Equal("Prospect", lines[0].GetProperty("reason").GetString());
        Assert.Equal("Excluded", lines[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AnUnreadableBasisFileIsAUsageError()
    {
        var email = Write("a.eml", Mime("From: a@northwind.example", "To: seller@contoso.com"));
        var missing = Path.Combine(folder, "no-such-prospects.csv");

        var result = await DecideAsync(["--prospects", missing, email]);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("no-such-prospects.csv", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutFlagsTheStoredBasisDecidesAndThreadFindsEmailSyncedInAnyMailbox()
    {
        await SeedDatabaseAsync();
        var prospect = Write("pat.eml", Mime("From: pat@fabrikam.com", "To: seller@contoso.com"));
        var reply = Write("reply.eml", Mime(
            "From: someone@northwind.example", "To: seller@contoso.com",
            "In-Reply-To: <deal-1@fabrikam.com>"));
        var ignoredThread = Write("ignored-thread.eml", Mime(
            "From: someone@northwind.example", "To: seller@contoso.com",
            "In-Reply-To: <newsletter-1@northwind.example>"));

        var result = await DecideAsync([prospect, reply, ignoredThread]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = Lines(result);
        Assert.Equal("Prospect", lines[0].GetProperty("reason").GetString());
        Assert.Equal("Synced", lines[1].GetProperty("decision").GetString());
        Assert.Equal("Thread", lines[1].GetProperty("reason").GetString());
        Assert.Equal(
            "In-Reply-To: <deal-1@fabrikam.com>",
            Step(lines[1], "Thread").GetProperty("matched").GetString());
        Assert.Equal("NoProspect", lines[2].GetProperty("reason").GetString());
        Assert.Equal("NotDecisive", Step(lines[2], "Thread").GetProperty("result").GetString());
    }

    [Fact]
    public async Task WithoutFlagsAMissingDatabaseIsAConfigurationErrorAndIsNotCreated()
    {
        var email = Write("a.eml", Mime("From: a@northwind.example", "To: seller@contoso.com"));

        var result = await DecideAsync([email]);

        Assert.Equal(ExitCodes.Configuration, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains(database.FilePath, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(database.FilePath));
    }

    public void Dispose()
    {
        database.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private Task<ProcessResult> DecideAsync(string[] arguments) =>
        ProcessRunner.RunWebAsync(
            ["decide", .. arguments],
            new Dictionary<string, string?>
            {
                ["Database__ConnectionString"] = database.ConnectionString,
            });

    private async Task SeedDatabaseAsync()
    {
        await database.MigrateAsync();
        await using var db = database.CreateContext();
        var seller = Guid.NewGuid();
        var other = Guid.NewGuid();
        db.Mailboxes.AddRange(
            new Mailbox { Id = seller, OwnerAddress = "seller@contoso.com", AddedAt = Received },
            new Mailbox { Id = other, OwnerAddress = "ana@contoso.com", AddedAt = Received });
        db.Prospects.Add(new Prospect { Email = "pat@fabrikam.com", CreatedAt = Received });
        db.InternalDomains.Add(new InternalDomain { Domain = "contoso.com", AddedAt = Received });

        // The synced email lives in another mailbox than the seller's: a file names no mailbox.
        db.EmailDecisions.AddRange(
            StoredDecision(other, "<deal-1@fabrikam.com>", Decision.Synced, DecisionReason.Prospect),
            StoredDecision(
                seller, "<newsletter-1@northwind.example>", Decision.Ignored, DecisionReason.Automated));
        await db.SaveChangesAsync();
    }

    private static EmailDecision StoredDecision(
        Guid mailboxId, string messageId, Decision decision, DecisionReason reason) => new()
    {
        MailboxId = mailboxId,
        GraphMessageId = $"AAMk-{messageId}",
        InternetMessageId = messageId,
        Folder = MailFolder.Inbox,
        ReceivedAt = Received,
        Decision = decision,
        Reason = reason,
        DecidedAt = Received,
        BasisVersion = 1,
    };

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    // Headers only, as a header block ends: a whole message adds its body after this.
    private static string Mime(params string[] headers) =>
        string.Join("\r\n", [.. headers, "Message-ID: <" + Guid.NewGuid().ToString("N") + "@test>"])
        + "\r\n\r\n";

    private static string GraphMessage(string from, string to, string? bcc = null) =>
        JsonSerializer.Serialize(new
        {
            id = "AAMk-1",
            subject = "Proposal",
            internetMessageId = $"<{Guid.NewGuid():N}@test>",
            conversationId = "conv-1",
            from = Recipient(from),
            toRecipients = new[] { Recipient(to) },
            bccRecipients = bcc is null ? [] : new[] { Recipient(bcc) },
        });

    private static object Recipient(string address) =>
        new { emailAddress = new { address, name = "" } };

    private static List<JsonElement> Lines(ProcessResult result) =>
        [.. result.Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonSerializer.Deserialize<JsonElement>(line))];

    private static JsonElement Step(JsonElement line, string rule) =>
        line.GetProperty("trace").EnumerateArray()
            .Single(step => step.GetProperty("rule").GetString() == rule);

    private static IEnumerable<string> Names(JsonElement element) =>
        element.EnumerateObject().Select(property => property.Name);
}
