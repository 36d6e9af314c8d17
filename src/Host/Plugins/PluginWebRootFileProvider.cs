using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Platform.Host.Plugins;

/// <summary>
/// The site's web root: the host's <c>wwwroot</c>, then each loaded plugin's under <c>/_content/&lt;Id&gt;/</c>,
/// put together when a file is first asked for. Which plugins stay loaded is known only once their
/// migrations have run, and start-up runs them while the pipeline is being described (Program.cs); the
/// first file is asked for by a request, and none is served before the database is ready.
/// </summary>
internal sealed class PluginWebRootFileProvider(IFileProvider host, PluginCatalog catalog) : IFileProvider
{
    private readonly Lazy<CompositeFileProvider> _composed = new(() => new CompositeFileProvider(
    [
        host,
        .. catalog.Loaded
            .Where(p => p.WebRoot is not null)
            .Select(p => new PrefixFileProvider($"/_content/{p.Id}", new PhysicalFileProvider(p.WebRoot!))),
    ]));

    public IFileInfo GetFileInfo(string subpath) => _composed.Value.GetFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => _composed.Value.GetDirectoryContents(subpath);

    public IChangeToken Watch(string filter) => _composed.Value.Watch(filter);
}
