namespace HeaderSync.Engine.Basis;

/// <summary>A valid line of a prospect CSV, and whether it updates a prospect already stored.</summary>
public sealed record ProspectImportRow(int Line, Prospect Prospect, bool Updates);
