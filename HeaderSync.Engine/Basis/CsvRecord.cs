namespace HeaderSync.Engine.Basis;

/// <summary>One CSV record with the line it starts on; `Unclosed` when the file ended in quotes.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, bool Unclosed);
