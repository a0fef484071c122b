using System.Diagnostics.CodeAnalysis;
using HeaderSync.Engine.Relevance;

namespace HeaderSync.Engine.Basis;

/// <summary>A person outside the organisation whom the sales team works with.</summary>
public sealed record Prospect(
    string Address,
    string? Name = null,
    string? Company = null,
    string? AccountDomain = null)
{
    /// <summary>The longest name or company the database keeps.</summary>
    public const int MaxTextLength = 200;

    /// <summary>
    /// A prospect from what a person typed, in the form or a CSV line: the address and account
    /// domain normalised, blank fields null. Every problem is reported, in field order.
    /// </summary>
    public static bool TryCreate(
        string? email,
        string? name,
        string? company,
        string? accountDomain,
        [NotNullWhen(true)] out Prospect? prospect,
        out IReadOnlyList<ProspectProblem> problems)
    {
        prospect = null;
        var found = new List<ProspectProblem>();
        string? address = null;
        if (string.IsNullOrWhiteSpace(email))
        {
            found.Add(new ProspectProblem(ProspectField.Email, "the email address is empty"));
        }
        else if (!EmailAddresses.TryNormalizeStrict(email, out address, out var addressError))
        {
            found.Add(new ProspectProblem(ProspectField.Email, addressError));
        }

        name = Blank(name);
        company = Blank(company);
        if (name?.Length > MaxTextLength)
        {
            found.Add(new ProspectProblem(ProspectField.Name, $"longer than {MaxTextLength} characters"));
        }

        if (company?.Length > MaxTextLength)
        {
            found.Add(new ProspectProblem(ProspectField.Company, $"longer than {MaxTextLength} characters"));
        }

        string? domain = null;
        if (Blank(accountDomain) is { } domainText)
        {
            if (!DomainNames.TryNormalize(domainText, out domain, out var domainError))
            {
                found.Add(new ProspectProblem(ProspectField.AccountDomain, domainError));
            }
            else if (FreeMailDomains.Contains(domain))
            {
                found.Add(new ProspectProblem(ProspectField.AccountDomain,
                    $"{domain} is a free-mail domain and cannot be an account domain"));
            }
        }

        problems = found;
        if (found.Count > 0)
        {
            return false;
        }

        prospect = new Prospect(address!, name, company, domain);
        return true;
    }

    private static string? Blank(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
