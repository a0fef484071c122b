using Azure.Core;
using Azure.Identity;
using HeaderSync.Engine.Graph;
using Microsoft.Extensions.Options;

namespace HeaderSync.Web.Hosting;

/// <summary>
/// The engine's app-only credential for a real tenant, from <c>Graph:*</c>: a client secret or
/// a certificate. Azure.Identity caches tokens and renews them before they expire.
/// </summary>
internal static class GraphCredentials
{
    public static TokenCredential Create(GraphOptions options)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(options.TenantId))
        {
            missing.Add("Graph:TenantId is required to sync a Microsoft 365 tenant.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            missing.Add("Graph:ClientId is required to sync a Microsoft 365 tenant.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret) && string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            missing.Add("Graph:ClientSecret or Graph:CertificatePath is required to sync a Microsoft 365 tenant.");
        }

        if (missing.Count > 0)
        {
            throw new OptionsValidationException(GraphOptions.Section, typeof(GraphOptions), missing);
        }

        return string.IsNullOrWhiteSpace(options.CertificatePath)
            ? new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret)
            : new ClientCertificateCredential(options.TenantId, options.ClientId, options.CertificatePath);
    }
}
