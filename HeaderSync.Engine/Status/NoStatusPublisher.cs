namespace HeaderSync.Engine.Status;

/// <summary>For the command line, which reports results on standard output instead.</summary>
public sealed class NoStatusPublisher : ISyncStatusPublisher
{
    public void Publish(MailboxStatusUpdate update)
    {
    }
}
