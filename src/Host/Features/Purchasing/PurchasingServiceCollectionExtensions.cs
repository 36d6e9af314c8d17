using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.Abstractions.Purchasing;

namespace Platform.Host.Features.Purchasing;

public static class PurchasingServiceCollectionExtensions
{
    /// <summary>Joint purchasing: the service, the queue page's kept reads, the plugins' contract, the closing job and the pages (signed-in only).</summary>
    public static WebApplicationBuilder AddPurchasing(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PurchasingService>();
        builder.Services.AddSingleton<QueuePageCache>();
        builder.Services.AddScoped<IPurchasingQueues, PurchasingQueues>();
        builder.Services.AddHostedService<PurchasingClosingService>();
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Purchasing"));
        return builder;
    }
}
