using Microsoft.Playwright;

namespace Platform.EndToEnd;

/// <summary>Debian's Chromium, headless, driven by Playwright; and the site it visits.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public SiteProcess Site { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    public async Task InitializeAsync()
    {
        if (!ChromiumInstalled)
        {
            return;
        }

        await Site.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in a sandbox-less container; and no calls home, the machine has no Internet.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Site.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserJourneys : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser journeys";
}
