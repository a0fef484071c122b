using Microsoft.AspNetCore.Components.Server.Circuits;

namespace HeaderSync.Web.Status;

/// <summary>
/// The signed-in admin's session cookie, taken from the HTTP request that opened the circuit,
/// so the circuit can call the portal's own hub as that admin. It never leaves the server.
/// </summary>
public sealed class CircuitCookie
{
    public string? Header { get; private set; }

    public void Capture(HttpContext? context)
    {
        if (Header is not null || context is null)
        {
            return;
        }

        // Only the session cookie (chunked when large) is needed, not the browser's other cookies.
        // Taken verbatim from the header: the parsed collection unescapes values.
        var session = context.Request.Headers.Cookie
            .SelectMany(header => (header ?? "").Split(';', StringSplitOptions.TrimEntries))
            .Where(pair => pair.StartsWith("HeaderSync.Session", StringComparison.Ordinal))
            .ToList();
        Header = session.Count > 0 ? string.Join("; ", session) : null;
    }

    /// <summary>Captures the cookie as the circuit opens, while its HTTP request is at hand.</summary>
    internal sealed class Handler(IHttpContextAccessor accessor, CircuitCookie cookie) : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            cookie.Capture(accessor.HttpContext);
            return Task.CompletedTask;
        }
    }
}
