using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.AspNetCore.Mvc.ViewEngines;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Mvc.ViewFeatures.Buffers;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Platform.Host.Web;

/// <summary>
/// The helpers every Razor view is given (<c>Html</c>, <c>Component</c>), built from the framework's own
/// services in fewer steps through the container.
/// </summary>
/// <remarks>
/// Each view, layout and partial gets a new <see cref="IHtmlHelper{TModel}"/> and <see cref="IViewComponentHelper"/>
/// from the request's container. As the framework registers them, Autofac resolves each of their seven and five
/// services one by one on every view: 6 to 14 % of a page's CPU in the profiles (bench/README.md). These subclasses take the same
/// singletons gathered once (<see cref="ViewHelperServices"/>) and the request's buffer scope: three resolutions
/// a helper instead of eight and six. The helpers themselves are the framework's, unchanged.
/// </remarks>
public static class ViewHelpers
{
    public static IServiceCollection AddLeanViewHelpers(this IServiceCollection services)
    {
        services.AddSingleton<ViewHelperServices>();
        services.Replace(ServiceDescriptor.Transient(typeof(IHtmlHelper<>), typeof(LeanHtmlHelper<>)));
        services.Replace(ServiceDescriptor.Transient<IViewComponentHelper, LeanViewComponentHelper>());
        return services;
    }
}

/// <summary>The singletons the view helpers are made of, resolved once.</summary>
public sealed class ViewHelperServices(
    IHtmlGenerator htmlGenerator,
    ICompositeViewEngine viewEngine,
    IModelMetadataProvider metadataProvider,
    HtmlEncoder htmlEncoder,
    UrlEncoder urlEncoder,
    ModelExpressionProvider modelExpressionProvider,
    IViewComponentDescriptorCollectionProvider viewComponents,
    IViewComponentSelector viewComponentSelector,
    IViewComponentInvokerFactory viewComponentInvokers)
{
    public IHtmlGenerator HtmlGenerator { get; } = htmlGenerator;

    public ICompositeViewEngine ViewEngine { get; } = viewEngine;

    public IModelMetadataProvider MetadataProvider { get; } = metadataProvider;

    public HtmlEncoder HtmlEncoder { get; } = htmlEncoder;

    public UrlEncoder UrlEncoder { get; } = urlEncoder;

    public ModelExpressionProvider ModelExpressionProvider { get; } = modelExpressionProvider;

    public IViewComponentDescriptorCollectionProvider ViewComponents { get; } = viewComponents;

    public IViewComponentSelector ViewComponentSelector { get; } = viewComponentSelector;

    public IViewComponentInvokerFactory ViewComponentInvokers { get; } = viewComponentInvokers;
}

/// <summary>The framework's <see cref="HtmlHelper{TModel}"/>, built from <see cref="ViewHelperServices"/>.</summary>
public sealed class LeanHtmlHelper<TModel>(ViewHelperServices services, IViewBufferScope bufferScope)
    : HtmlHelper<TModel>(
        services.HtmlGenerator, services.ViewEngine, services.MetadataProvider, bufferScope, services.HtmlEncoder, services.UrlEncoder, services.ModelExpressionProvider);

/// <summary>The framework's <see cref="DefaultViewComponentHelper"/>, built from <see cref="ViewHelperServices"/>.</summary>
public sealed class LeanViewComponentHelper(ViewHelperServices services, IViewBufferScope bufferScope)
    : DefaultViewComponentHelper(services.ViewComponents, services.HtmlEncoder, services.ViewComponentSelector, services.ViewComponentInvokers, bufferScope);
