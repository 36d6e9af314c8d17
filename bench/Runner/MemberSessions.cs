using System.Net;
using System.Text.RegularExpressions;

namespace Platform.Bench.Runner;

/// <summary>A signed-in member, as wrk replays it: the cookie header and the antiforgery token of the pledge form.</summary>
public sealed record MemberSession(string Cookie, string FormToken);

/// <summary>Signs the bench members in through the real sign-in form, then reads the pledge form's token.</summary>
public static partial class MemberSessions
{
    public static async Task<IReadOnlyList<MemberSession>> SignInAsync(Uri baseAddress, IEnumerable<string> emails, string password, int queueId)
    {
        var sessions = new List<MemberSession>();
        foreach (var email in emails)
        {
            var cookies = new CookieContainer();
            using var http = Http.CreateClient(baseAddress, cookies);
            var loginToken = FormToken(await GetOkAsync(http, "/compte/connexion"));
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = password,
                ["__RequestVerificationToken"] = loginToken,
            });
            using var signIn = await http.PostAsync(new Uri("/compte/connexion", UriKind.Relative), form);
            if (signIn.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Sign-in of {email} answered {(int)signIn.StatusCode}, not a redirect.");
            }

            var pledgeToken = FormToken(await GetOkAsync(http, $"/achats/{queueId}"));
            sessions.Add(new MemberSession(cookies.GetCookieHeader(baseAddress), Uri.EscapeDataString(pledgeToken)));
        }

        return sessions;
    }

    public static void Write(string path, IEnumerable<MemberSession> sessions) =>
        File.WriteAllLines(path, sessions.Select(s => s.Cookie + "\t" + s.FormToken));

    private static async Task<string> GetOkAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        }

        return await response.Content.ReadAsStringAsync();
    }

    private static string FormToken(string html) =>
        TokenInput().Match(html) is { Success: true } match ? match.Groups[1].Value
            : throw new InvalidOperationException("No antiforgery token in the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
