using System.Security.Cryptography.X509Certificates;
using Azure.Identity;
using HeaderSync.Engine.Graph;
using HeaderSync.Tests.Infrastructure;
using HeaderSync.Web.Hosting;
using Microsoft.Extensions.Options;

namespace HeaderSync.Tests.Hosting;

public sealed class GraphCredentialsTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("headersync-cert-");

    [Fact]
    public void AClientSecretMakesAClientSecretCredential()
    {
        var credential = GraphCredentials.Create(Options(secret: "s3cret"));

        Assert.IsType<ClientSecretCredential>(credential);
    }

    [Fact]
    public void APfxCertificateMakesAClientCertificateCredential()
    {
        using var certificate = TestCertificates.Create();
        var path = Path.Combine(folder.FullName, "app.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx));

        var credential = GraphCredentials.Create(Options(certificatePath: path));

        Assert.IsType<ClientCertificateCredential>(credential);
    }

    [Fact]
    public void APemCertificateWithItsKeyMakesAClientCertificateCredential()
    {
        using var certificate = TestCertificates.Create();
        var path = TestCertificates.WritePem(certificate, folder.FullName, withKey: true);

        var credential = GraphCredentials.Create(Options(certificatePath: path));

        Assert.IsType<ClientCertificateCredential>(credential);
    }

    [Fact]
    public void BothASecretAndACertificateAreRefusedNamingBoth()
    {
        var failure = Assert.Throws<OptionsValidationException>(
            () => GraphCredentials.Create(Options(secret: "s3cret", certificatePath: "/tmp/app.pfx")));

        Assert.Contains("Graph:ClientSecret and Graph:CertificatePath are both set", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NeitherASecretNorACertificateIsRefusedNamingBoth()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => GraphCredentials.Create(Options()));

        Assert.Contains("Graph:ClientSecret or Graph:CertificatePath is required", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingOrKeylessCertificateIsRefusedNamingTheKey()
    {
        using var certificate = TestCertificates.Create();
        var keyless = TestCertificates.WritePem(certificate, folder.FullName, withKey: false);

        var missing = Assert.Throws<OptionsValidationException>(
            () => GraphCredentials.Create(Options(certificatePath: Path.Combine(folder.FullName, "none.pfx"))));
        var withoutKey = Assert.Throws<OptionsValidationException>(
            () => GraphCredentials.Create(Options(certificatePath: keyless)));

        Assert.Contains("Graph:CertificatePath", missing.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Graph:CertificatePath", withoutKey.Message, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static GraphOptions Options(string? secret = null, string? certificatePath = null) => new()
    {
        TenantId = "11111111-1111-1111-1111-111111111111",
        ClientId = "22222222-2222-2222-2222-222222222222",
        ClientSecret = secret,
        CertificatePath = certificatePath,
    };
}
