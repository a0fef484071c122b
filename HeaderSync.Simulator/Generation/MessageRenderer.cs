using System.Globalization;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Generation;

/// <summary>
/// Renders a planned message into its full content. Deterministic in (seed, mailbox, index),
/// so nothing but the plan needs to be kept in memory.
/// </summary>
internal sealed class MessageRenderer
{
    private readonly TenantDirectory _directory;
    private readonly int _seed;
    private readonly Prospect[] _companyProspects;
    private readonly Prospect[] _freeMailProspects;
    private readonly HashSet<string> _prospectAddresses;

    public MessageRenderer(TenantDirectory directory, int seed)
    {
        _directory = directory;
        _seed = seed;
        _companyProspects = [.. directory.Crm.Prospects.Where(p => p.AccountDomain.Length > 0)];
        _freeMailProspects = [.. directory.Crm.Prospects.Where(p => p.AccountDomain.Length == 0)];
        _prospectAddresses = new HashSet<string>(
            directory.Crm.Prospects.Select(p => p.Email), StringComparer.OrdinalIgnoreCase);
    }

    public MessageContent Render(int mailbox, MessagePlan plan, Func<int, MessagePlan> planAt)
    {
        var parent = plan.Parent >= 0 ? Render(mailbox, planAt(plan.Parent), planAt) : null;
        var rng = new SeededRandom(_seed, 3, mailbox, plan.Index);
        var user = _directory.Users[mailbox];
        var draft = new MessageDraft(rng, new Participant(user.DisplayName, user.UserPrincipalName));
        Fill(draft, plan.Scenario, parent);

        var info = ScenarioCatalog.Find(plan.Scenario);
        var marker = info?.Decision switch
        {
            ExpectedDecision.Synced => Marker("KEEP", mailbox, plan.Index, rng),
            ExpectedDecision.Ignored => Marker("CANARY", mailbox, plan.Index, rng),
            _ => null,
        };
        return draft.Build(mailbox, plan, parent, marker);
    }

    public static string? ExtractMarker(string body)
    {
        foreach (var prefix in (string[])["KEEP-", "CANARY-"])
        {
            var start = body.IndexOf(prefix, StringComparison.Ordinal);
            if (start >= 0)
            {
                var end = body.IndexOfAny(['\r', '\n', ' ', '<'], start);
                return end < 0 ? body[start..] : body[start..end];
            }
        }

        return null;
    }

    private string Marker(string kind, int mailbox, int index, SeededRandom rng) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}-{_seed}-{mailbox}-{index}-{rng.NextHex(10)}");

    private void Fill(MessageDraft d, Scenario scenario, MessageContent? parent)
    {
        var crm = _directory.Crm;
        var prospect = d.Rng.Pick(_companyProspects);
        var prospectPerson = new Participant(prospect.Name, prospect.Email);
        var account = d.Rng.Pick(crm.AccountCompanies);
        var colleague = d.Rng.Pick(_directory.Colleagues);
        var unknown = d.Rng.Pick(_directory.UnknownCompanies);

        switch (scenario)
        {
            case Scenario.ProspectInbound:
            case Scenario.ProspectLowBcl:
                d.Inbound(prospectPerson);
                d.Bcl = scenario == Scenario.ProspectLowBcl ? 3 : 0;
                d.HasAttachment = d.Rng.Chance(0.2);
                break;
            case Scenario.ProspectInCc:
                d.Inbound(colleague);
                d.Cc.Add(prospectPerson);
                d.Subject = $"Intro: {prospect.Company} / {d.Topic}";
                break;
            case Scenario.ProspectUpperCaseAddress:
                d.Inbound(prospectPerson with { Address = prospect.Email.ToUpperInvariant() });
                break;
            case Scenario.ProspectEncodedWords:
                d.Inbound(prospectPerson with { Name = $"{prospect.Name} – {prospect.Company} ✓" });
                d.Subject = $"Angebot für {d.Topic} – Rückfrage zur Größe";
                break;
            case Scenario.ProspectPersonalSensitivity:
                d.Inbound(prospectPerson);
                d.Sensitivity("Personal", 1);
                break;
            case Scenario.ProspectFreeMail:
                var freeMail = d.Rng.Pick(_freeMailProspects);
                d.Inbound(new Participant(freeMail.Name, freeMail.Email));
                break;
            case Scenario.AccountDomainContact:
                d.Inbound(Person(d.Rng, account.Domain));
                break;
            case Scenario.AccountDomainSubdomain:
                d.Inbound(Person(d.Rng, d.Rng.Pick((string[])["eu.", "us.", "mail."]) + account.Domain));
                break;
            case Scenario.AccountDomainPlusAddress:
                var at = prospect.Email.IndexOf('@', StringComparison.Ordinal);
                var tagged = $"{prospect.Email[..at]}+quotes{prospect.Email[at..]}";
                d.Inbound(prospectPerson with { Address = tagged });
                break;
            case Scenario.AccountDomainOddLocalPart:
                d.Inbound(new Participant($"{account.Name} Accounts", $"o'neil-ap&ar@{account.Domain}"));
                break;
            case Scenario.ThreadReply:
            case Scenario.ReplyWithoutProspect:
                d.Inbound(FreeMailPerson(d.Rng));
                d.ReplyTo(parent!);
                break;
            case Scenario.SensitivePrivateHeader:
                d.Inbound(prospectPerson);
                d.Sensitivity("Private", 2);
                break;
            case Scenario.SensitiveCompanyConfidential:
                d.Inbound(prospectPerson);
                d.Sensitivity("Company-Confidential", 3);
                break;
            case Scenario.SensitivePropertyOnly:
                d.Inbound(prospectPerson);
                d.SensitivityValue = 3;
                break;
            case Scenario.ExcludedAddress:
                d.Inbound(new Participant($"{crm.AccountCompanies[0].Name} Legal", crm.ExcludedAddresses[0]));
                d.Cc.Add(prospectPerson);
                break;
            case Scenario.ExcludedDomain:
                d.Inbound(Person(d.Rng, crm.ExcludedDomains[0]));
                d.Cc.Add(prospectPerson);
                break;
            case Scenario.ExcludedWildcardDomain:
                d.Inbound(Person(d.Rng, crm.ExcludedWildcardDomains[0]));
                break;
            case Scenario.Newsletter:
                d.Inbound(new Participant($"{account.Name} Newsletter", $"news@{account.Domain}"));
                d.Subject = $"{account.Name} monthly: what's new in {d.Topic}";
                d.Header("List-Id", $"{account.Name} News <news.{account.Domain}>");
                d.Header("List-Unsubscribe",
                    $"<https://{account.Domain}/unsubscribe?u={d.Rng.NextHex(12)}>, <mailto:leave@{account.Domain}>");
                d.Header("Precedence", "bulk");
                d.Bcl = 4;
                break;
            case Scenario.AutoReply:
                d.Inbound(prospectPerson);
                d.Subject = $"Automatic reply: {d.Topic}";
                d.Header("Auto-Submitted", "auto-replied");
                d.Header("X-Autoreply", "yes");
                break;
            case Scenario.Bounce:
                d.Inbound(new Participant("Mail Delivery System", $"MAILER-DAEMON@mx1.{unknown.Domain}"));
                d.Subject = $"Undeliverable: {d.Topic}";
                d.Header("Return-Path", "<>");
                d.ReportType = "delivery-status";
                break;
            case Scenario.ReadReceipt:
                d.Inbound(prospectPerson);
                d.Subject = $"Read: {d.Topic}";
                d.ReportType = "disposition-notification";
                break;
            case Scenario.NoReplySender:
                var local = d.Rng.Pick((string[])["no-reply", "noreply", "do-not-reply", "donotreply"]);
                d.Inbound(new Participant($"{unknown.Name} Notifications", $"{local}@{unknown.Domain}"));
                d.Subject = $"Your {unknown.Name} account: {d.Topic}";
                break;
            case Scenario.HighBcl:
                d.Inbound(new Participant($"{unknown.Name} Offers", $"offers@{unknown.Domain}"));
                d.Subject = $"Last chance: 40% off {d.Topic}";
                d.Bcl = d.Rng.Next(7, 10);
                break;
            case Scenario.InternalOnly:
                d.Inbound(colleague);
                d.Cc.Add(d.Rng.Pick(_directory.Colleagues));
                break;
            case Scenario.InternalSubdomain:
                d.Inbound(_directory.Colleagues.First(c => c.Domain != DirectoryGenerator.DefaultDomain));
                break;
            case Scenario.UnknownSender:
            case Scenario.OtherFolder:
                d.Inbound(d.Rng.Chance(0.5) ? Person(d.Rng, unknown.Domain) : FreeMailPerson(d.Rng));
                break;
            case Scenario.DisplayNameSpoof:
                d.Inbound(FreeMailPerson(d.Rng) with { Name = $"{prospect.Name} ({prospect.Email})" });
                break;
            case Scenario.LookalikeDomain:
                d.Inbound(Person(d.Rng, "not" + account.Domain));
                break;
            case Scenario.SentToProspect:
                d.Outbound(prospectPerson);
                d.HasAttachment = d.Rng.Chance(0.2);
                break;
            case Scenario.SentBccProspect:
                d.Outbound(colleague);
                d.Bcc.Add(prospectPerson);
                break;
            case Scenario.SentToAccountDomain:
                d.Outbound(Person(d.Rng, account.Domain));
                break;
            case Scenario.SentThreadReply:
                d.Outbound(FreeMailPerson(d.Rng));
                d.ReplyTo(parent!);
                break;
            case Scenario.SentSensitive:
                d.Outbound(prospectPerson);
                d.Sensitivity("Private", 2);
                break;
            case Scenario.SentToExcluded:
                d.Outbound(new Participant("Legal", crm.ExcludedAddresses[0]));
                d.Cc.Add(prospectPerson);
                break;
            case Scenario.SentInternal:
                d.Outbound(colleague);
                break;
            case Scenario.SentToUnknown:
                d.Outbound(Person(d.Rng, unknown.Domain));
                break;
            default:
                throw new InvalidOperationException($"No rendering for scenario {scenario}.");
        }
    }

    private Participant Person(SeededRandom rng, string domain)
    {
        for (var attempt = 0; ; attempt++)
        {
            var given = rng.Pick(NamePools.GivenNames);
            var surname = rng.Pick(NamePools.Surnames);
            var suffix = attempt == 0 ? "" : attempt.ToString(CultureInfo.InvariantCulture);
            var address = $"{AsciiFold.LocalPart(given, surname)}{suffix}@{domain}";

            // Contacts must never be prospects by accident: that would change their reason.
            if (!_prospectAddresses.Contains(address))
            {
                return new Participant($"{given} {surname}", address);
            }
        }
    }

    private Participant FreeMailPerson(SeededRandom rng) =>
        Person(rng, rng.Pick(_directory.FreeMailDomains));
}
