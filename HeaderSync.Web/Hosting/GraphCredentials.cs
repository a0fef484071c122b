using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using HeaderSync.Engine.Graph;
using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Hosting;

/// <summary>
/// The engine's app-only credential for a real tenant, from <c>Graph:*</c>: exactly one of a
/// client secret or a certificate (PFX without a password, or PEM with its key), asked of
/// <c>Graph:AuthorityHost</c>. The caller wraps it in <see cref="CachingTokenCredential"/>.
/// </summary>
internal static class GraphCredentials
{
    private static readonly string[] EntraClouds =
    [
        AzureAuthorityHosts.AzurePublicCloud.Host,
        AzureAuthorityHosts.AzureGovernment.Host,
        AzureAuthorityHosts.AzureChina.Host,
    ];

    public static TokenCredential Create(GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var secret = !string.IsNullOrWhiteSpace(options.ClientSecret);
        var certificate = !string.IsNullOrWhiteSpace(options.CertificatePath);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            failures.Add("Graph:TenantId is required to sync a Microsoft 365 tenant.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add("Graph:ClientId is required to sync a Microsoft 365 tenant.");
        }

        if (secret == certificate)
        {
            failures.Add(secret
                ? "Graph:ClientSecret and Graph:CertificatePath are both set: set exactly one."
                : "Graph:ClientSecret or Graph:CertificatePath is required to sync a Microsoft 365 tenant.");
        }

        var loaded = failures.Count == 0 && certificate ? Load(options.CertificatePath!, failures) : null;
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(GraphOptions.Section, typeof(GraphOptions), failures);
        }

        var authority = new Uri(options.AuthorityHost);

        // Instance discovery asks the public cloud about the authority; any other host would fail it.
        var discover = EntraClouds.Contains(authority.Host, StringComparer.OrdinalIgnoreCase);
        return loaded is null
            ? new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret,
                new ClientSecretCredentialOptions { AuthorityHost = authority, DisableInstanceDiscovery = !discover })
            : new ClientCertificateCredential(options.TenantId, options.ClientId, loaded,
                new ClientCertificateCredentialOptions { AuthorityHost = authority, DisableInstanceDiscovery = !discover });
    }

    private static X509Certificate2? Load(string path, List<string> failures)
    {
        if (!File.Exists(path))
        {
            failures.Add($"Graph:CertificatePath '{path}' does not exist.");
            return null;
        }

        try
        {
            var certificate = Path.GetExtension(path).Equals(".pem", StringComparison.OrdinalIgnoreCase)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password: null);
            if (certificate.HasPrivateKey)
            {
                return certificate;
            }

            certificate.Dispose();
            failures.Add($"Graph:CertificatePath '{path}' holds no private key: the app signs with it.");
        }
        catch (CryptographicException unreadable)
        {
            failures.Add($"Graph:CertificatePath '{path}' is not a PFX without password or a PEM with its key: "
                + unreadable.Message);
        }

        return null;
    }
}
