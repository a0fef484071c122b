namespace HeaderSync.Engine.Basis;

/// <summary>The exclusions a file yielded and the lines it rejected, both in file order.</summary>
public sealed record ExclusionFileResult(
    IReadOnlyList<ParsedExclusion> Exclusions,
    IReadOnlyList<LineError> Errors);
