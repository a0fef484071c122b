namespace HeaderSync.Web.Prospects;

/// <summary>How adding or editing a prospect went; a refusal says why in the admin's words.</summary>
public sealed record ProspectSaveResult(bool Saved, string? Problem)
{
    public static ProspectSaveResult Done { get; } = new(true, null);

    public static ProspectSaveResult Refused(string problem) => new(false, problem);
}
