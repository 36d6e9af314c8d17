using System.Net;

namespace Platform.Bench.Runner;

/// <summary>HTTP clients for the bench's own requests (probes, sign-in): the bench certificate is self-signed.</summary>
public static class Http
{
    public static HttpClient CreateClient(Uri baseAddress, CookieContainer? cookies = null) =>
        new(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
}
