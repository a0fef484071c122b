namespace HeaderSync.Data.Basis;

public enum ExclusionKind
{
    Address = 1,
    Domain = 2,
}
