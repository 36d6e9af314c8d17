namespace Platform.Abstractions.Navigation;

/// <summary>Collects a plugin's entries in a network's navigation.</summary>
public interface INavigationBuilder
{
    /// <summary>
    /// Adds an entry pointing at a page of the plugin's area, shown as <paramref name="title"/> in
    /// the navigation of every network where the plugin is enabled.
    /// </summary>
    /// <param name="title">The French label, short (« Formations »).</param>
    /// <param name="page">The page path inside the plugin's area, for example <c>/Index</c>.</param>
    /// <param name="order">Entries are sorted by this number, then by title.</param>
    INavigationBuilder Add(string title, string page = "/Index", int order = 0);
}
