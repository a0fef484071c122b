namespace HeaderSync.Engine.Retention;

/// <summary>What one retention run cleared: ignored emails' review fields and synced emails' content.</summary>
public sealed record RetentionResult(int ReviewFieldsCleared, int ContentPurged);
