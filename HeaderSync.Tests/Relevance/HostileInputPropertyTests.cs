using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Sync;
using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Relevance;
using MimeKit;

namespace HeaderSync.Tests.Relevance;

public sealed class HostileInputPropertyTests
{
    [Property(MaxTest = 200)]
    public Property AnyHeaderFieldsGetAWellFormedDecision() =>
        Prop.ForAll(HostileInputs.Email.ToArbitrary(), email =>
        {
            var threads = new SyncedThreads();
            threads.Add(email.InReplyTo, null);

            return IsWellFormed(RelevanceDecider.Decide(email, TestEmails.Basis, threads));
        });

    [Property(MaxTest = 40)]
    public Property OversizedFieldsGetAWellFormedDecision() =>
        Prop.ForAll(HostileInputs.OversizedEmail.ToArbitrary(), email =>
        {
            var threads = new SyncedThreads();
            threads.Add(null, "c");

            return IsWellFormed(RelevanceDecider.Decide(email, TestEmails.Basis, threads));
        });

    [Property(MaxTest = 200)]
    public Property AnyBytesAsAnEmlFileGetADecision() =>
        Prop.ForAll(EmlBytes.ToArbitrary(), async bytes =>
        {
            var fields = await MimeHeaderFields.LoadAsync(new MemoryStream(bytes), FolderKind.Inbox, default);
            var decided = IsWellFormed(RelevanceDecider.Decide(fields, TestEmails.Basis, null));
            if (!TryLoadMessage(bytes, out var message))
            {
                return decided;
            }

            var fromMessage = MimeHeaderFields.FromMessage(message, FolderKind.Sent);
            return decided && IsWellFormed(RelevanceDecider.Decide(fromMessage, TestEmails.Basis, null));
        });

    [Property(MaxTest = 300)]
    public Property AnyJsonShapeGetsADecision() =>
        Prop.ForAll(HostileInputs.GraphJson.ToArbitrary(), json =>
        {
            using var document = JsonDocument.Parse(json);
            var fields = GraphJsonHeaderFields.FromJson(document.RootElement, FolderKind.Inbox);

            return IsWellFormed(RelevanceDecider.Decide(fields, TestEmails.Basis, null));
        });

    [Property(MaxTest = 200)]
    public Property AnyTextNormalisesOrIsRefusedWithoutThrowing() =>
        Prop.ForAll(HostileInputs.Text.ToArbitrary(), text =>
        {
            var normalized = EmailAddresses.Normalize(text);
            var strict = EmailAddresses.TryNormalizeStrict(text, out var address, out var error);
            var domain = DomainNames.TryNormalize(text, out var normalizedDomain, out _);
            var excluded = Exclusion.TryParse(text, out var exclusion, out _);
            var freeMail = FreeMailDomains.Contains(text);

            // Normalising is idempotent, and what the strict check accepts the loose one agrees with.
            return (normalized is null || EmailAddresses.Normalize(normalized) == normalized)
                && (!strict || address == normalized)
                && (strict || error is not null)
                && (!domain || DomainNames.TryNormalize(normalizedDomain, out var again, out _) && again == normalizedDomain)
                && (!excluded || exclusion!.Value.Length > 0)
                && (!freeMail || domain);
        });

    private static Gen<byte[]> EmlBytes { get; } =
        from headers in HostileInputs.Header.ListOf()
        from raw in ArbMap.Default.GeneratorFor<byte[]>()
        from withBody in Gen.Elements(true, false)
        select Encoding.UTF8.GetBytes(
                string.Concat(headers.Select(h => h.Name + ": " + h.Value + "\r\n")) + (withBody ? "\r\nbody\r\n" : ""))
            .Concat(raw ?? [])
            .ToArray();

    // MimeKit refuses some bytes as a message; the builder is only asked about what it parsed.
    private static bool TryLoadMessage(byte[] bytes, out MimeMessage message)
    {
        try
        {
            message = MimeMessage.Load(new MemoryStream(bytes));
            return true;
        }
        catch (FormatException)
        {
            message = null!;
            return false;
        }
    }

    private static bool IsWellFormed(RelevanceOutcome outcome)
    {
        var decisive = 0;
        for (var i = 0; i < outcome.Trace.Count; i++)
        {
            var rule = outcome.Trace[i];
            if (rule.Rule != RelevanceDecider.RuleOrder[i])
            {
                return false;
            }

            decisive += rule.Result == RuleResult.Decisive ? 1 : 0;
        }

        return decisive == 1
            && outcome.Trace.Count == 8
            && outcome.Decision == RelevanceDecider.DecisionOf(outcome.Reason);
    }
}
