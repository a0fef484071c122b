namespace HeaderSync.Engine.Relevance;

/// <summary>One internet message header with its value unfolded and its encoded words decoded.</summary>
public readonly record struct EmailHeader(string Name, string Value);
