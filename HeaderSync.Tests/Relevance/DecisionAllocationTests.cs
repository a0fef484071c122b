using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Sync;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Relevance;
using ExclusionKind = HeaderSync.Data.Basis.ExclusionKind;

namespace HeaderSync.Tests.Relevance;

public sealed class DecisionAllocationTests
{
    // The trace array and the outcome are about 200 bytes; the bound leaves room for a runtime
    // change while still failing on anything that allocates per participant or per header.
    private const long BytesPerEmail = 1024;

    private static readonly BasisIndex LargeBasis = BasisIndex.Create(TestEmails.CreateBasis() with
    {
        Prospects =
        [
            .. TestEmails.CreateBasis().Prospects,
            .. Enumerable.Range(0, 5_000)
                .Select(i => new Prospect($"p{i}@account{i}.example", AccountDomain: $"account{i}.example")),
        ],
        Exclusions =
        [
            .. TestEmails.CreateBasis().Exclusions,
            .. Enumerable.Range(0, 500).Select(i => new Exclusion(ExclusionKind.Domain, $"ex{i}.example")),
        ],
    });

    public static TheoryData<string> Kinds =>
        ["NoProspect", "Prospect", "AccountDomain", "Automated", "Thread", "InternalOnly"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void DecidingATypicalEmailAllocatesAlmostNothing(string kind)
    {
        var (email, threads) = TypicalEmail(kind);

        var perEmail = MeasureBytesPerDecision(email, threads);

        Assert.Equal(kind, RelevanceDecider.Decide(email, LargeBasis, threads).Reason.ToString());
        Assert.True(perEmail < BytesPerEmail, $"{kind}: {perEmail} bytes per email");
    }

    [Fact]
    public void AllocationDoesNotGrowWithRecipients()
    {
        var (email, threads) = TypicalEmail("NoProspect");
        var crowded = email with { Cc = HostileInputs.ManyRecipients(10_000) };

        var perEmail = MeasureBytesPerDecision(crowded, threads, warmUp: 3, iterations: 10);

        Assert.True(perEmail < BytesPerEmail, $"{perEmail} bytes per email with 10,000 recipients");
    }

    private static long MeasureBytesPerDecision(
        HeaderFields email, IThreadLookup threads, int warmUp = 100, int iterations = 1_000)
    {
        for (var i = 0; i < warmUp; i++)
        {
            RelevanceDecider.Decide(email, LargeBasis, threads);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < iterations; i++)
        {
            RelevanceDecider.Decide(email, LargeBasis, threads);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / iterations;
    }

    // What Graph returns for an inbox message: a handful of recipients and some 30 headers.
    private static (HeaderFields Email, IThreadLookup Threads) TypicalEmail(string kind)
    {
        var threads = new SyncedThreads();
        threads.Add("<synced@fabrikam.com>", null);
        var from = kind switch
        {
            "Prospect" => "Jane <jane@fabrikam.com>",
            "AccountDomain" => "ceo@sales.account42.example",
            "Automated" => "no-reply@service.example",
            "InternalOnly" => "boss@contoso.com",
            _ => "someone@else.example",
        };
        List<EmailHeader> headers =
        [
            .. Enumerable.Range(0, 24)
                .Select(i => new EmailHeader($"Received-{i}", $"from mx{i}.example by mx.contoso.com")),
            new("Subject", "Quarterly review"),
            new("Content-Type", "multipart/alternative; boundary=\"b1\""),
            new("X-Microsoft-Antispam", "BCL:0;ARA:13230040|1800799024;"),
            new("Return-Path", "<bounce@mx.example>"),
            new("Precedence", "first-class"),
            new("In-Reply-To", "<parent@else.example>"),
        ];
        var email = new HeaderFields
        {
            From = new EmailParty(from, "Someone"),
            To = TestEmails.Parties(
                kind == "InternalOnly" ? ["seller@contoso.com"] : ["seller@contoso.com", "ops@contoso.com"]),
            Cc = TestEmails.Parties(kind == "InternalOnly" ? [] : ["x1@partner.example", "x2@partner.example"]),
            InternetMessageHeaders = headers,
            InReplyTo = kind == "Thread" ? "<synced@fabrikam.com>" : "<parent@else.example>",
            References = ["<root@else.example>", "<parent@else.example>"],
            ConversationId = "AAQkADAwATM0MDAAMS1iNTcwLWI2NTYtMDACLTAwCgAQAN",
        };
        return (email, threads);
    }
}
