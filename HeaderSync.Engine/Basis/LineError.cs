namespace HeaderSync.Engine.Basis;

/// <summary>A line of an imported file that was not taken, with the 1-based line number and why.</summary>
public sealed record LineError(int Line, string Message);
