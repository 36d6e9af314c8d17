using System.Net;
using Platform.Host.Features.Demo;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Accounts;

[Collection(SharedHost.Name)]
public sealed class AuthorizationTests(SharedHostFactory factory)
{
    [Theory]
    [InlineData("/admin/modules")]
    [InlineData("/admin/modules/notes")]
    [InlineData("/notifications")]
    public async Task Anonymous_IsSentToTheLoginPage(string url)
    {
        using var client = factory.CreateBrowser();
        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/compte/connexion?ReturnUrl={Uri.EscapeDataString(url)}", response.Headers.Location!.PathAndQuery);
    }

    public static TheoryData<string> NonAdmins => new()
    {
        DemoSeeder.Members[0].Email,
        DemoSeeder.AnimatorEmail("sotra"),
    };

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task MembersAndAnimators_AreRefusedAdminPages(string email)
    {
        using var session = await BrowserSession.SignInAsync(factory, email);

        foreach (var url in new[] { "/admin/modules", "/admin/modules/notes" })
        {
            var response = await session.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/compte/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task MembersAndAnimators_CannotEnablePlugins(string email)
    {
        using var session = await BrowserSession.SignInAsync(factory, email);
        // With a valid antiforgery token of this user.
        var response = await session.PostWithoutFormAsync("/admin/modules/notes?handler=Enable", new Dictionary<string, string> { ["network"] = "eau-adaptation-climat" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/compte/acces-refuse", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var admin = await BrowserSession.SignInAsync(factory, DemoSeeder.AdminEmail);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync("/c/eau-adaptation-climat/notes")).StatusCode);
    }

    [Fact]
    public async Task Admin_OpensAdminPages()
    {
        using var session = await BrowserSession.SignInAsync(factory, DemoSeeder.AdminEmail);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/admin/modules")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("/admin/modules/inconnu")).StatusCode);
    }

    [Fact]
    public async Task WrongPasswordAndUnknownAccount_GetTheSameFrenchMessage()
    {
        using var session = new BrowserSession(factory.CreateBrowser());
        var wrong = await session.PostFormAsync("/compte/connexion", new() { ["Input.Email"] = DemoSeeder.Members[1].Email, ["Input.Password"] = "pas le bon mot de passe" });
        var unknown = await session.PostFormAsync("/compte/connexion", new() { ["Input.Email"] = "personne@example.fr", ["Input.Password"] = "pas le bon mot de passe" });

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        const string message = "Adresse e-mail ou mot de passe incorrect";
        Assert.Contains(message, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(message, await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmptyLoginForm_ShowsFrenchFieldErrors()
    {
        using var session = new BrowserSession(factory.CreateBrowser());
        var response = await session.PostFormAsync("/compte/connexion", new() { ["Input.Email"] = "", ["Input.Password"] = "" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Saisissez votre adresse e-mail.", html, StringComparison.Ordinal);
        Assert.Contains("Saisissez votre mot de passe.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount()
    {
        var email = DemoSeeder.Members[2].Email;
        using var session = new BrowserSession(factory.CreateBrowser());
        for (var i = 0; i < 5; i++)
        {
            await session.PostFormAsync("/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = $"mauvais mot de passe {i}" });
        }

        var withRightPassword = await session.PostFormAsync("/compte/connexion", new() { ["Input.Email"] = email, ["Input.Password"] = DemoSeeder.Password });
        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        using var session = await BrowserSession.SignInAsync(factory, DemoSeeder.Members[0].Email);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/notifications")).StatusCode);

        var response = await session.PostFormAsync("/compte/deconnexion", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/notifications")).StatusCode);
    }

    [Fact]
    public async Task MemberPages_LinkToTheSignOutPage_AndCarryNoAntiforgeryTokenOfTheLayout()
    {
        using var session = await BrowserSession.SignInAsync(factory, DemoSeeder.Members[0].Email);

        // A page with no form of its own: the layout's sign-out is a link, so nothing on it is encrypted for a token.
        var (response, page) = await session.GetPageAsync("/reseaux");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(page.QuerySelectorAll("input[name=__RequestVerificationToken]"));
        var signOut = Assert.Single(page.QuerySelectorAll("header a"), a => a.TextContent.Trim() == "Se déconnecter");

        // The link's page asks first, and its form (with its token) signs out; « Rester connecté » goes back.
        var (asked, confirmation) = await session.GetPageAsync(signOut.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Voulez-vous vous déconnecter ?", confirmation.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(confirmation.QuerySelector("main form[method=post] input[name=__RequestVerificationToken]"));
        Assert.Equal("/", Assert.Single(confirmation.QuerySelectorAll("main a"), a => a.TextContent.Trim() == "Rester connecté").GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/notifications")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(signOut.GetAttribute("href")!, [])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/notifications")).StatusCode);
    }
}
