namespace HeaderSync.Engine.Graph;

/// <summary>One call the engine needs, the permission it rests on, and what Graph answered.</summary>
public sealed record PermissionCheck(string Name, string Permission, CheckOutcome Outcome, string? Detail)
{
    public string Summary => Outcome switch
    {
        CheckOutcome.Ok => "ok",
        CheckOutcome.MissingPermission => $"{Permission} is missing: {Detail}",
        CheckOutcome.Skipped => $"skipped: {Detail}",
        _ => $"failed: {Detail}",
    };
}
