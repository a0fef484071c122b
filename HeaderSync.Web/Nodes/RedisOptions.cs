namespace HeaderSync.Web.Nodes;

/// <summary>The <c>Redis</c> configuration section: the SignalR backplane shared by the portal's nodes.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    // Off when empty: a single node needs no backplane.
    public string? ConnectionString { get; set; }
}
