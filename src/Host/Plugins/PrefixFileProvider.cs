using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace Platform.Host.Plugins;

/// <summary>
/// Exposes a folder under a path prefix (<c>/_content/&lt;Id&gt;</c>) inside the web root's composite
/// provider, so plugin files are served as static files and <c>asp-append-version</c> can hash them.
/// </summary>
internal sealed class PrefixFileProvider(string prefix, IFileProvider inner) : IFileProvider
{
    private readonly string _prefix = "/" + prefix.Trim('/');

    public IFileInfo GetFileInfo(string subpath) =>
        Strip(subpath) is { } rest ? inner.GetFileInfo(rest) : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) =>
        Strip(subpath) is { } rest ? inner.GetDirectoryContents(rest) : NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) =>
        Strip(filter) is { } rest ? inner.Watch(rest) : NullChangeToken.Singleton;

    private string? Strip(string path)
    {
        path = "/" + path.TrimStart('/');
        if (path.Equals(_prefix, StringComparison.OrdinalIgnoreCase))
        {
            return "/";
        }

        return path.StartsWith(_prefix + "/", StringComparison.OrdinalIgnoreCase) ? path[_prefix.Length..] : null;
    }
}
