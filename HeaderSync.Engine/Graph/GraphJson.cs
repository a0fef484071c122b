using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace HeaderSync.Engine.Graph;

/// <summary>
/// Sends a Graph request through the SDK's pipeline (authentication, the mailbox's gate) and hands
/// back the response's JSON unread; an error status still throws the SDK's <see cref="ODataError"/>.
/// </summary>
public static class GraphJson
{
    // "XXX" is the SDK's key for every error status, 4xx and 5xx alike.
    private static readonly Dictionary<string, ParsableFactory<IParsable>> Errors = new(StringComparer.Ordinal)
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    public static async Task<Stream> SendAsync(
        IRequestAdapter adapter, RequestInformation request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        return await adapter.SendPrimitiveAsync<Stream>(request, Errors, cancellationToken)
            ?? throw new InvalidOperationException("Graph answered without a body.");
    }
}
