namespace HeaderSync.Engine.Status;

/// <summary>
/// Where the engine sends live status; the portal implements it with its SignalR hub. Called
/// often and from many threads: implementations coalesce and must not block.
/// </summary>
public interface ISyncStatusPublisher
{
    void Publish(MailboxStatusUpdate update);
}
