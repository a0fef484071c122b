namespace HeaderSync.Engine.Basis;

/// <summary>Why a field of a prospect cannot be stored.</summary>
public sealed record ProspectProblem(ProspectField Field, string Message)
{
    /// <summary>The message as a CSV line report gives it, prefixed with the column when not the email.</summary>
    public string ForFile() => Field switch
    {
        ProspectField.Email => Message,
        ProspectField.Name => $"name: {Message}",
        ProspectField.Company => $"company: {Message}",
        _ => $"account_domain: {Message}",
    };
}
