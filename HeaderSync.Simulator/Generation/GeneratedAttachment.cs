namespace HeaderSync.Simulator.Generation;

/// <summary>A file attachment; its bytes are regenerated on demand like bodies.</summary>
internal sealed record GeneratedAttachment(string Name, string ContentType, byte[] Content);
