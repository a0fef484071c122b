using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace HeaderSync.Tests.Simulator;

/// <summary>Sends the simulator's token on every SDK request.</summary>
internal sealed class StaticTokenProvider(string token) : IAuthenticationProvider
{
    public Task AuthenticateRequestAsync(
        RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null,
        CancellationToken cancellationToken = default)
    {
        request.Headers.Add("Authorization", $"Bearer {token}");
        return Task.CompletedTask;
    }
}
