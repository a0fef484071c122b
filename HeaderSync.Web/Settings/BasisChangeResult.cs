namespace HeaderSync.Web.Settings;

/// <summary>How adding a domain or an exclusion went; a refusal says why in the admin's words.</summary>
public sealed record BasisChangeResult(bool Saved, string? Problem)
{
    public static BasisChangeResult Done { get; } = new(true, null);

    public static BasisChangeResult Refused(string problem) => new(false, problem);
}
