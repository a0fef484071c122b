using Microsoft.Graph;

namespace HeaderSync.Engine.Graph;

/// <summary>A Graph client that lives as long as one mailbox's sync.</summary>
public sealed class MailboxGraphClient(GraphServiceClient client, HttpClient http) : IDisposable
{
    public GraphServiceClient Client { get; } = client;

    public void Dispose()
    {
        Client.Dispose();
        http.Dispose();
    }
}
