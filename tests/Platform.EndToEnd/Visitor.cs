using Microsoft.Playwright;

namespace Platform.EndToEnd;

/// <summary>
/// A person in the browser: one context (cookies), one page. Every page visited is checked for what
/// any page must have — no console error, no failed request, a title, one h1, labelled fields — and
/// photographed into TestResults/screenshots.
/// </summary>
public sealed class Visitor : IAsyncDisposable
{
    private readonly List<string> _problems = [];
    private readonly string _journey;
    private int _shots;

    private Visitor(IBrowserContext context, IPage page, Uri site, string journey)
    {
        Context = context;
        Page = page;
        Site = site;
        _journey = journey;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Add($"console error on {page.Url}: {message.Text}");
            }
        };
        page.RequestFailed += (_, request) => _problems.Add($"failed request {request.Url}: {request.Failure}");
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public Uri Site { get; }

    /// <summary>Problems seen so far (console errors, failed requests); a journey asserts it is empty.</summary>
    public IReadOnlyList<string> Problems => _problems;

    public static async Task<Visitor> StartAsync(BrowserFixture fixture, string journey, int width = 1280)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Site.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
        });
        return new Visitor(context, await context.NewPageAsync(), fixture.Site.BaseAddress, journey);
    }

    /// <summary>Opens a page and checks it; returns the HTTP status.</summary>
    public async Task<int> VisitAsync(string url)
    {
        var response = await Page.GotoAsync(url);
        await CheckPageAsync();
        return response?.Status ?? 0;
    }

    /// <summary>Checks the page now shown (after a click or a form post).</summary>
    public async Task CheckPageAsync()
    {
        await Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var where = Page.Url;
        Assert.False(string.IsNullOrWhiteSpace(await Page.TitleAsync()), $"no <title> on {where}");
        Assert.Equal(1, await Page.Locator("h1").CountAsync());
        var unlabelled = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea')]
              .filter(e => !['hidden', 'submit', 'button'].includes(e.type))
              .filter(e => !(e.id && document.querySelector(`label[for="${e.id}"]`)) && !e.closest('label')
                        && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby'))
              .map(e => e.name || e.id || e.outerHTML)
            """);
        Assert.True(unlabelled.Length == 0, $"unlabelled fields on {where}: {string.Join(", ", unlabelled)}");
        await ScreenshotAsync();
    }

    /// <summary>Whether the page fits the viewport's width (no horizontal scrolling).</summary>
    public Task<bool> FitsWidthAsync() =>
        Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    public async Task SignInAsync(string email, string password = "Demo-Interclustering-47")
    {
        await VisitAsync("/compte/connexion");
        await Page.GetByLabel("Adresse e-mail").FillAsync(email);
        await Page.GetByLabel("Mot de passe").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/compte/connexion", StringComparison.Ordinal));
        await CheckPageAsync();
    }

    private async Task ScreenshotAsync()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", _journey);
        Directory.CreateDirectory(folder);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{++_shots:00}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
