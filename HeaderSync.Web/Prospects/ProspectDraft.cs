using HeaderSync.Engine.Basis;
using StoredProspect = HeaderSync.Data.Basis.Prospect;

namespace HeaderSync.Web.Prospects;

/// <summary>A prospect as an admin types it in the form, checked by the same rules as an imported line.</summary>
public sealed record ProspectDraft(string? Email, string? Name, string? Company, string? AccountDomain)
{
    public static ProspectDraft Empty { get; } = new(null, null, null, null);

    public static ProspectDraft From(StoredProspect prospect)
    {
        ArgumentNullException.ThrowIfNull(prospect);
        return new(prospect.Email, prospect.Name, prospect.Company, prospect.AccountDomain);
    }

    public IReadOnlyList<ProspectProblem> Problems()
    {
        Prospect.TryCreate(Email, Name, Company, AccountDomain, out _, out var problems);
        return problems;
    }

    /// <summary>The first problem with one field, for the form to show under it.</summary>
    public string? ProblemWith(ProspectField field) =>
        Problems().FirstOrDefault(p => p.Field == field)?.Message;
}
