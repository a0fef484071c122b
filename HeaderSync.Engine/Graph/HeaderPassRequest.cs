using Microsoft.Kiota.Abstractions;

namespace HeaderSync.Engine.Graph;

/// <summary>Marks a request of the header pass, which the mailbox's gate serves ahead of body fetches.</summary>
public sealed class HeaderPassRequest : IRequestOption
{
    public static readonly HeaderPassRequest Instance = new();

    private HeaderPassRequest()
    {
    }
}
