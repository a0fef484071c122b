namespace HeaderSync.Engine.Privacy;

/// <summary>What an erasure of one address would touch, shown before an admin confirms it.</summary>
public sealed record ErasurePreview(string? Address, int Emails, bool IsProspect, bool IsExcluded, string? Error);
