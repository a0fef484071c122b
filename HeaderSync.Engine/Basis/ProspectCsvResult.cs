namespace HeaderSync.Engine.Basis;

/// <summary>The prospects a CSV file yielded and the lines it rejected, both in file order.</summary>
public sealed record ProspectCsvResult(
    IReadOnlyList<ParsedProspect> Prospects,
    IReadOnlyList<LineError> Errors);
