namespace HeaderSync.Engine.Graph;

/// <summary>What the request gate tells the run about the requests of one mailbox.</summary>
public interface IMailboxRequestObserver
{
    void RequestSent();

    /// <summary>Graph asked to wait (429, or 503/504 with Retry-After) until the given time.</summary>
    void WaitingOutRetryAfter(DateTimeOffset until, bool wasThrottled);

    void RetryAfterElapsed();
}
