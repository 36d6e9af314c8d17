using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Data;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Data;

[Collection(SharedHost.Name)]
public sealed class OneOpeningTests(SharedHostFactory factory)
{
    [Fact]
    public async Task Reads_ShareOneOpening_AndTheConnectionIsClosedAfter_EvenWhenTheyFail()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var connection = db.Database.GetDbConnection();

        var states = await db.Database.ReadAsync(async () =>
        {
            var first = connection.State;
            var networks = await db.Networks.CountAsync();
            var companies = await db.Companies.CountAsync();
            return (first, connection.State, networks, companies);
        }, CancellationToken.None);

        Assert.Equal((ConnectionState.Open, ConnectionState.Open), (states.first, states.Item2));
        Assert.True(states.networks > 0 && states.companies > 0);
        Assert.Equal(ConnectionState.Closed, connection.State);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.Database.ReadAsync<int>(() => throw new InvalidOperationException("panne"), CancellationToken.None));
        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task AnOpeningAlreadyThere_IsKept()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await db.Database.OpenConnectionAsync();

        await db.Database.ReadAsync(() => db.Networks.CountAsync(), CancellationToken.None);

        Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
        await db.Database.CloseConnectionAsync();
    }
}
