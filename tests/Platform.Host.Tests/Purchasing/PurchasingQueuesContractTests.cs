using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Purchasing;
using Platform.Host.Data;
using Platform.Host.Features.Demo;
using Platform.Host.Features.Networks;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Purchasing;

/// <summary>What a plugin sees through <see cref="IPurchasingQueues"/>.</summary>
[Collection(PurchasingHost.Name)]
public sealed class PurchasingQueuesContractTests(PurchasingHostFactory factory)
{
    [Fact]
    public async Task OpenAsync_FromAPlugin_OpensAQueueMembersCanJoin_AndListOpenShowsItToInvitedNetworksOnly()
    {
        using var scope = factory.Services.CreateScope();
        var queues = scope.ServiceProvider.GetRequiredService<IPurchasingQueues>();
        var ids = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Set<Network>().ToDictionaryAsync(n => n.Slug, n => n.Id);
        var request = new PurchasingQueueRequest(ids["prod-iaa"], "Bocaux en verre (module)", PurchaseCategory.Packaging, null, "bocal", 1000, null,
            [new PriceTierInfo(0, 0.42m), new PriceTierInfo(5000, 0.36m)], factory.Now.AddMinutes(-5), factory.Now.AddDays(9), [ids["fruits-legumes-nutrition-sante"]]);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => queues.OpenAsync(request with { PriceTiers = [], DeadlineUtc = factory.Now.AddDays(-1) }));
        var id = await queues.OpenAsync(request);
        using var member = await BrowserSession.SignInAsync(factory, DemoSeeder.Members[0].Email);
        await PledgeForms.PledgeAsync(member, id, 300);

        Assert.Contains("Indiquez au moins un palier de prix.", refused.Message, StringComparison.Ordinal);
        Assert.Contains("La date limite doit suivre l'ouverture.", refused.Message, StringComparison.Ordinal);
        var info = await queues.FindAsync(id);
        Assert.Equal(PurchasingQueueStatus.Open, info!.Status);
        Assert.Equal(300, info.AcceptedQuantity);
        Assert.Equal([ids["prod-iaa"], ids["fruits-legumes-nutrition-sante"]], info.InvitedNetworkIds.Order());
        Assert.Contains(await queues.ListOpenAsync(ids["fruits-legumes-nutrition-sante"]), q => q.Id == id);
        Assert.DoesNotContain(await queues.ListOpenAsync(ids["sotra"]), q => q.Id == id);
    }
}
