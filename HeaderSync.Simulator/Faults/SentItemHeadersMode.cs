namespace HeaderSync.Simulator.Faults;

/// <summary>Whether sent items carry <c>internetMessageHeaders</c> (real tenants differ).</summary>
public enum SentItemHeadersMode
{
    Never,
    Always,
    Sometimes,
}
