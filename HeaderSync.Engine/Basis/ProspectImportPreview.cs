namespace HeaderSync.Engine.Basis;

/// <summary>
/// What importing a prospect CSV would do: the valid lines, each new or an update, and the
/// lines the parser rejected. Importing it stores the valid lines only.
/// </summary>
public sealed record ProspectImportPreview(
    IReadOnlyList<ProspectImportRow> Rows,
    IReadOnlyList<LineError> Errors)
{
    public int New => Rows.Count(r => !r.Updates);

    public int Updated => Rows.Count(r => r.Updates);
}
