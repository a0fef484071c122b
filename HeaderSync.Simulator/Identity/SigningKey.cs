using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace HeaderSync.Simulator.Identity;

/// <summary>
/// The RS256 signing key. Generating a 2048-bit key takes up to seconds on a small machine, so
/// one key serves every tenant of the process; tokens still name their tenant in <c>tid</c>.
/// It does not outlive the process: clients fetch new tokens, unlike delta links.
/// </summary>
internal sealed class SigningKey
{
    private static readonly Lazy<RSA> SharedRsa = new(() => RSA.Create(2048));

    public SigningKey()
    {
        var rsa = SharedRsa.Value;
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var modulus = parameters.Modulus!;
        Modulus = Base64Url.EncodeToString(modulus);
        Exponent = Base64Url.EncodeToString(parameters.Exponent!);
        KeyId = Base64Url.EncodeToString(SHA256.HashData(modulus).AsSpan(0, 20));
        SecurityKey = new RsaSecurityKey(rsa) { KeyId = KeyId };
        Credentials = new SigningCredentials(SecurityKey, SecurityAlgorithms.RsaSha256);
    }

    public string KeyId { get; }

    public string Modulus { get; }

    public string Exponent { get; }

    public RsaSecurityKey SecurityKey { get; }

    public SigningCredentials Credentials { get; }
}
