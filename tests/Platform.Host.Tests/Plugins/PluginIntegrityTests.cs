using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Plugins;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Plugins;

/// <summary>An approved plugin loads only with exactly the approved files (SHA-256); anything else waits for a new approval.</summary>
public sealed class PluginIntegrityTests
{
    private readonly string _plugins = TestPaths.PluginFolderWith("Notes");
    private readonly string _database = Path.Combine(TestPaths.NewTempDirectory(), "platform.db");

    [Fact]
    public async Task NewPlugin_WaitsForApproval_ThenLoadsAtTheNextStart()
    {
        using (var first = Start())
        {
            var notes = Notes(first);
            Assert.Equal(PluginStatus.AwaitingApproval, notes.Status);
            Assert.Null(notes.Assembly);
            await ApproveAsync(first);
        }

        using var second = Start();
        Assert.Equal(PluginStatus.Loaded, Notes(second).Status);
    }

    [Fact]
    public async Task OneFlippedByte_OrAnUnlistedFile_IsRefusedBeforeItsCodeRuns_UntilApprovedAgain()
    {
        using (var first = Start())
        {
            await ApproveAsync(first);
        }

        var dll = Path.Combine(_plugins, "Notes", "Platform.Plugins.Notes.dll");
        var bytes = await File.ReadAllBytesAsync(dll);
        bytes[^1] ^= 0x01;
        await File.WriteAllBytesAsync(dll, bytes);
        await File.WriteAllTextAsync(Path.Combine(_plugins, "Notes", "extra.dll"), "pas approuvé");

        using (var second = Start())
        {
            var notes = Notes(second);
            Assert.Equal(PluginStatus.Modified, notes.Status);
            Assert.Equal("fichiers différents de ceux approuvés (modifiés : Platform.Plugins.Notes.dll ; ajoutés : extra.dll)", notes.Reason);
            Assert.Null(notes.Assembly);
            using var admin = await BrowserSession.SignInAsync(second, Features.Demo.DemoSeeder.AdminEmail);
            var (_, page) = await admin.GetPageAsync("/admin/modules/notes");
            Assert.Contains("Modifié depuis l'approbation", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

            var approve = await admin.PostFormAsync("/admin/modules/notes?handler=Approve", [], formPage: "/admin/modules/notes");
            Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);
        }

        File.Delete(Path.Combine(_plugins, "Notes", "extra.dll"));
        using (var third = Start())
        {
            // The approval covered extra.dll: its removal is a change too.
            Assert.Equal("fichiers différents de ceux approuvés (supprimés : extra.dll)", Notes(third).Reason);
        }
    }

    [Fact]
    public async Task NewVersion_NeedsItsOwnApproval()
    {
        using (var first = Start())
        {
            await ApproveAsync(first);
        }

        var manifest = Path.Combine(_plugins, "Notes", "plugin.json");
        await File.WriteAllTextAsync(manifest, (await File.ReadAllTextAsync(manifest)).Replace("\"1.2.0\"", "\"1.3.0\"", StringComparison.Ordinal));

        using var second = Start();
        Assert.Equal(PluginStatus.Modified, Notes(second).Status);
        Assert.Equal("version 1.3.0 installée, version 1.2.0 approuvée", Notes(second).Reason);
    }

    private PlatformFactory Start()
    {
        var factory = new PlatformFactory(_plugins, _database) { RequireApproval = true };
        _ = factory.Services;
        return factory;
    }

    private static InstalledPlugin Notes(PlatformFactory factory) => factory.Services.GetRequiredService<PluginCatalog>().Find("notes")!;

    private static async Task ApproveAsync(PlatformFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<PluginApprovalService>().ApproveAsync("Notes", "test"));
    }
}
