using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace HeaderSync.Simulator.Identity;

/// <summary>One-time authorization codes, valid for ten minutes.</summary>
internal sealed class AuthorizationCodeStore(TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, AuthorizationCode> _codes = new();

    public DateTimeOffset NewExpiry() => time.GetUtcNow() + Lifetime;

    public string Add(AuthorizationCode code)
    {
        var value = "sim." + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        _codes[value] = code;
        return value;
    }

    public AuthorizationCode? Redeem(string code) =>
        _codes.TryRemove(code, out var found) && found.ExpiresAt > time.GetUtcNow() ? found : null;
}
