namespace HeaderSync.Engine.Basis;

/// <summary>A field of a prospect as a person types it, in a form or a CSV column.</summary>
public enum ProspectField
{
    Email,
    Name,
    Company,
    AccountDomain,
}
