using HeaderSync.Simulator;
using HeaderSync.Simulator.Tenant;

namespace HeaderSync.Simulator.Generation;

/// <summary>Builds the tenant's organisation, users, apps and CRM from the seed.</summary>
internal static class DirectoryGenerator
{
    public const string DefaultDomain = "contoso.com";
    private const int AccountCompanyCount = 8;
    private const int ProspectsPerCompany = 3;

    public static TenantDirectory Create(SimulatorOptions options)
    {
        var rng = new SeededRandom(options.Seed, 1);
        var tenantId = rng.NextGuid();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        var users = new List<SimulatedUser>();
        for (var i = 0; i < options.Mailboxes; i++)
        {
            var (given, surname, local) = NewName(rng, used);
            users.Add(new SimulatedUser(
                i, rng.NextGuid(), $"{local}@{DefaultDomain}", $"{given} {surname}", given, surname,
                i == 0 ? "Sales Operations Lead" : rng.Pick(NamePools.JobTitles), IsAdmin: i == 0));
        }

        string[] colleagueDomains = [DefaultDomain, DefaultDomain, DefaultDomain, "eu.contoso.com", "contosolabs.net"];
        var colleagues = colleagueDomains
            .Select(domain => NewParticipant(rng, used, domain))
            .ToList();

        var companies = NamePools.Companies
            .Select(c => new ExternalCompany(c.Name, c.Domain))
            .OrderBy(_ => rng.NextUInt64())
            .ToList();
        var accountCompanies = companies.Take(AccountCompanyCount).ToList();
        var wildcardExcluded = companies[AccountCompanyCount];
        var domainExcluded = companies[AccountCompanyCount + 1];
        var unknown = companies.Skip(AccountCompanyCount + 2).ToList();

        var prospects = new List<Prospect>();
        foreach (var company in accountCompanies)
        {
            for (var p = 0; p < ProspectsPerCompany; p++)
            {
                var person = NewParticipant(rng, used, company.Domain);
                prospects.Add(new Prospect(person.Address, person.Name, company.Name, company.Domain));
            }
        }

        // Free-mail prospects: their domain must never become an account domain.
        foreach (var domain in NamePools.FreeMailDomains.Take(2))
        {
            var person = NewParticipant(rng, used, domain);
            prospects.Add(new Prospect(person.Address, person.Name, "", ""));
        }

        var crm = new Crm(
            prospects,
            accountCompanies,
            ExcludedAddresses: [$"legal@{accountCompanies[0].Domain}"],
            ExcludedWildcardDomains: [wildcardExcluded.Domain],
            ExcludedDomains: [domainExcluded.Domain]);

        return new TenantDirectory(
            tenantId,
            "Contoso",
            [
                new VerifiedDomain(DefaultDomain, IsDefault: true, IsInitial: false),
                new VerifiedDomain("eu.contoso.com", IsDefault: false, IsInitial: false),
                new VerifiedDomain("contosolabs.net", IsDefault: false, IsInitial: false),
                new VerifiedDomain("contoso.onmicrosoft.com", IsDefault: false, IsInitial: true),
            ],
            users,
            colleagues,
            unknown,
            NamePools.FreeMailDomains,
            crm,
            App(rng, "HeaderSync Sync Engine", ["Mail.Read", "User.Read.All"]),
            App(rng, "HeaderSync Portal", []),
            App(rng, "HeaderSync Automation", ["HeaderSync.Admin"]));
    }

    private static TenantApplication App(SeededRandom rng, string name, string[] roles) =>
        new(name, rng.NextGuid().ToString(), "sim~" + rng.NextHex(32), roles);

    private static Participant NewParticipant(SeededRandom rng, HashSet<string> used, string domain)
    {
        var (given, surname, local) = NewName(rng, used);
        return new Participant($"{given} {surname}", $"{local}@{domain}");
    }

    private static (string Given, string Surname, string Local) NewName(
        SeededRandom rng, HashSet<string> used)
    {
        for (var attempt = 0; ; attempt++)
        {
            var given = rng.Pick(NamePools.GivenNames);
            var surname = rng.Pick(NamePools.Surnames);
            var local = AsciiFold.LocalPart(given, surname);
            if (attempt > 20)
            {
                local += attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (used.Add(local))
            {
                return (given, surname, local);
            }
        }
    }
}
