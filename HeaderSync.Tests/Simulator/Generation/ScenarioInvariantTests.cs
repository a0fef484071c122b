using HeaderSync.Simulator;
using HeaderSync.Simulator.Evidence;
using HeaderSync.Simulator.Generation;
using HeaderSync.Simulator.Tenant;
using Microsoft.Extensions.Time.Testing;

namespace HeaderSync.Tests.Simulator.Generation;

/// <summary>
/// Checks that each scenario's participants fit its expected reason against the CRM the tenant
/// serves, so a stray prospect or internal address cannot silently change a message's reason.
/// </summary>
public sealed class ScenarioInvariantTests
{
    private readonly TenantState _tenant = new(
        new SimulatorOptions { Seed = 11, Mailboxes = 2, MessagesPerMailbox = 600 },
        new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero)));

    private IEnumerable<(MessageEvidence Evidence, List<Participant> Participants)> Expected() =>
        _tenant.Mailboxes.SelectMany(m => m.Scan(_ => true, 0, int.MaxValue).Select(r =>
        {
            var c = _tenant.Content(m, r);
            return (EvidenceReader.Describe(_tenant, m, r),
                (List<Participant>)[c.From, .. c.ReplyTo, .. c.To, .. c.Cc, .. c.Bcc]);
        })).Where(x => x.Item1.ExpectedReason is not null);

    private bool IsProspect(Participant p) =>
        _tenant.Directory.Crm.Prospects.Any(x => x.Email.Equals(p.Address, StringComparison.OrdinalIgnoreCase));

    private bool InAccountDomain(Participant p) =>
        _tenant.Directory.Crm.AccountCompanies.Any(c => InDomain(p, c.Domain));

    private bool IsInternal(Participant p) => _tenant.Directory.Domains.Any(d => InDomain(p, d.Name));

    private static bool InDomain(Participant p, string domain)
    {
        var own = p.Domain.ToUpperInvariant();
        var other = domain.ToUpperInvariant();
        return own == other || own.EndsWith("." + other, StringComparison.Ordinal);
    }

    [Fact]
    public void ProspectMessagesHaveAProspectAndNoExcludedParticipant()
    {
        var crm = _tenant.Directory.Crm;
        foreach (var (evidence, participants) in Expected().Where(x => x.Evidence.ExpectedReason == ExpectedReason.Prospect))
        {
            Assert.Contains(participants, IsProspect);
            Assert.DoesNotContain(participants, p => crm.ExcludedAddresses.Contains(p.Address)
                || crm.ExcludedDomains.Concat(crm.ExcludedWildcardDomains).Any(d => InDomain(p, d)));
        }
    }

    [Fact]
    public void AccountDomainMessagesHaveNoProspectButAnAccountDomainParticipant()
    {
        foreach (var (_, participants) in Expected().Where(x => x.Evidence.ExpectedReason == ExpectedReason.AccountDomain))
        {
            Assert.DoesNotContain(participants, IsProspect);
            Assert.Contains(participants, InAccountDomain);
        }
    }

    [Fact]
    public void InternalOnlyMessagesHaveOnlyInternalParticipants()
    {
        foreach (var (_, participants) in Expected().Where(x => x.Evidence.ExpectedReason == ExpectedReason.InternalOnly))
        {
            Assert.All(participants, p => Assert.True(IsInternal(p), p.Address));
        }
    }

    [Fact]
    public void NoProspectAndThreadMessagesHaveNoProspectNorAccountDomainParticipant()
    {
        var reasons = new[] { ExpectedReason.NoProspect, ExpectedReason.Thread };
        foreach (var (evidence, participants) in Expected().Where(x => reasons.Contains(x.Evidence.ExpectedReason!.Value)))
        {
            Assert.DoesNotContain(participants, IsProspect);
            Assert.DoesNotContain(participants, InAccountDomain);
            Assert.Contains(participants, p => !IsInternal(p));
        }
    }
}
