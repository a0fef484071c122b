namespace HeaderSync.Data.Basis;

public enum InternalDomainSource
{
    Verified = 1,
    Admin = 2,
}
