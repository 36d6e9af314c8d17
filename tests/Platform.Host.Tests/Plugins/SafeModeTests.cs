using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Plugins;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Plugins;

public sealed class SafeModeTests : IDisposable
{
    private readonly PlatformFactory _factory = new(TestPaths.PluginFolderWith("Notes"), safeMode: true);

    [Fact]
    public async Task SafeMode_LoadsNoPlugin_AndServesNoPluginPage()
    {
        using (var scope = _factory.Services.CreateScope())
        {
            // Enabled in the database, yet not served: safe mode wins.
            await scope.ServiceProvider.GetRequiredService<PluginEnablementService>().SetAsync("Notes", "sotra", true, "test");
        }

        using var client = _factory.CreateBrowser();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/c/sotra/notes")).StatusCode);

        using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
        Assert.True(health.RootElement.GetProperty("safeMode").GetBoolean());
        var notes = health.RootElement.GetProperty("plugins").EnumerateArray().Single();
        Assert.Equal("SafeMode", notes.GetProperty("status").GetString());
    }

    public void Dispose() => _factory.Dispose();
}
