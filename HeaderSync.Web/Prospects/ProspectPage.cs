using StoredProspect = HeaderSync.Data.Basis.Prospect;

namespace HeaderSync.Web.Prospects;

/// <summary>One page of the prospect list and how many prospects match the search.</summary>
public sealed record ProspectPage(IReadOnlyList<StoredProspect> Prospects, int Total);
