namespace HeaderSync.Engine.Basis;

/// <summary>What an import changed.</summary>
public sealed record BasisImportResult(int ProspectsAdded, int ProspectsUpdated, int ExclusionsAdded);
