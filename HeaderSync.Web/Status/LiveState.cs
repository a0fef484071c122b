namespace HeaderSync.Web.Status;

/// <summary>Whether a page receives live status from the hub.</summary>
public enum LiveState
{
    Connecting,
    Live,
    Reconnecting,
    Offline,
}
