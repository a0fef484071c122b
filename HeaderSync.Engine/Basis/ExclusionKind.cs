namespace HeaderSync.Engine.Basis;

/// <summary>Whether an exclusion names one address or a whole domain with its subdomains.</summary>
public enum ExclusionKind
{
    Address = 0,
    Domain = 1,
}
