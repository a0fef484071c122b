using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace HeaderSync.Simulator.Identity;

/// <summary>
/// The tenant's RS256 signing key, created per process: tokens do not need to outlive a
/// restart (clients fetch new ones), unlike delta links.
/// </summary>
internal sealed class SigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public SigningKey()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var modulus = parameters.Modulus!;
        Modulus = Base64Url.EncodeToString(modulus);
        Exponent = Base64Url.EncodeToString(parameters.Exponent!);
        KeyId = Base64Url.EncodeToString(SHA256.HashData(modulus).AsSpan(0, 20));
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = KeyId };
        Credentials = new SigningCredentials(SecurityKey, SecurityAlgorithms.RsaSha256);
    }

    public string KeyId { get; }

    public string Modulus { get; }

    public string Exponent { get; }

    public RsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials { get; }

    public void Dispose() => _rsa.Dispose();
}
