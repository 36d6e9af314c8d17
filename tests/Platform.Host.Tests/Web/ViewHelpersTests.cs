using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Tests.Support;
using Platform.Host.Web;

namespace Platform.Host.Tests.Web;

/// <summary>The view helpers the container gives every Razor view (ViewHelpers).</summary>
[Collection(SharedHost.Name)]
public sealed class ViewHelpersTests(SharedHostFactory factory)
{
    [Fact]
    public void ViewHelpers_AreTheLeanOnes_ANewOneForEachView()
    {
        using var scope = factory.Services.CreateScope();

        var html = scope.ServiceProvider.GetRequiredService<IHtmlHelper<string>>();
        var again = scope.ServiceProvider.GetRequiredService<IHtmlHelper<string>>();
        var components = scope.ServiceProvider.GetRequiredService<IViewComponentHelper>();

        Assert.IsType<LeanHtmlHelper<string>>(html);
        Assert.IsType<LeanViewComponentHelper>(components);
        // Each view contextualises its own helper: one shared between a page and its partials would mix them up.
        Assert.NotSame(html, again);
        Assert.NotSame(components, scope.ServiceProvider.GetRequiredService<IViewComponentHelper>());
    }
}
