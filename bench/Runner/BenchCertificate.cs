using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Platform.Bench.Runner;

/// <summary>
/// A self-signed certificate for 127.0.0.1. In Production the host's cookies (session, antiforgery)
/// are Secure-only and antiforgery refuses plain HTTP, so the bench serves both apps over HTTPS.
/// </summary>
public static class BenchCertificate
{
    public const string Password = "banc-d-essai";

    public static string Create(string path)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
        return path;
    }
}
