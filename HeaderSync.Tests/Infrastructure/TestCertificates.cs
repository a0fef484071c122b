using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace HeaderSync.Tests.Infrastructure;

/// <summary>Certificates made on the spot: an app's signing certificate, or a loopback server's.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 Create(string subject = "CN=HeaderSync test")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));

        // Round-tripped through PFX so the key is usable by a TLS server as well.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }

    /// <summary>Writes the certificate (and, if asked, its key) as PEM; returns the file.</summary>
    public static string WritePem(X509Certificate2 certificate, string directory, bool withKey)
    {
        var file = Path.Combine(directory, withKey ? "app.pem" : "trusted.pem");
        var pem = certificate.ExportCertificatePem();
        if (withKey)
        {
            pem += "\n" + certificate.GetRSAPrivateKey()!.ExportPkcs8PrivateKeyPem();
        }

        File.WriteAllText(file, pem + "\n");
        return file;
    }
}
