using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Features.Calendar;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Calendar;

/// <summary>The agenda's version, which the feeds and the list are kept with: every change to what they show moves it, whoever writes.</summary>
[Collection(SharedHost.Name)]
public sealed class AgendaVersionTests(SharedHostFactory factory)
{
    private async Task<long> VersionAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CalendarService>().VersionAsync();
    }

    private Task<int> WriteAsync(string sql, params (string Name, object Value)[] parameters) =>
        Elsewhere.WriteAsync(factory, sql, parameters);

    private async Task<long> NetworkIdAsync(string slug) =>
        await Elsewhere.ReadNumberAsync(factory, "SELECT \"Id\" FROM \"Networks\" WHERE \"Slug\" = $slug", ("$slug", slug));

    [Fact]
    public async Task Version_MovesWithEveryChangeToAnEventItsOrganisersANetworksNameOrARegistration()
    {
        var steps = new List<(string Change, long Before, long After)>();
        async Task StepAsync(string change, Func<Task> write)
        {
            var before = await VersionAsync();
            await write();
            steps.Add((change, before, await VersionAsync()));
        }

        var published = await CalendarTestData.PublishAsync(factory, ["sotra"]);
        var promobois = await NetworkIdAsync("promobois");
        var sotra = await NetworkIdAsync("sotra");
        var ciel = await NetworkIdAsync("ciel");
        await StepAsync("publication", () => CalendarTestData.PublishAsync(factory, ["sotra"]));
        await StepAsync("title", () => WriteAsync("UPDATE \"AgendaEvents\" SET \"Title\" = 'Titre changé' WHERE \"Id\" = $id", ("$id", published.Id)));
        await StepAsync("organiser added", () => WriteAsync("INSERT INTO \"AgendaEventOrganisers\" (\"EventId\", \"NetworkId\") VALUES ($id, $network)", ("$id", published.Id), ("$network", promobois)));
        await StepAsync("organiser moved", () => WriteAsync("UPDATE \"AgendaEventOrganisers\" SET \"NetworkId\" = $other WHERE \"EventId\" = $id AND \"NetworkId\" = $network", ("$id", published.Id), ("$network", promobois), ("$other", ciel)));
        await StepAsync("organiser removed", () => WriteAsync("DELETE FROM \"AgendaEventOrganisers\" WHERE \"EventId\" = $id AND \"NetworkId\" <> $sotra", ("$id", published.Id), ("$sotra", sotra)));
        await StepAsync("network renamed", () => WriteAsync("UPDATE \"Networks\" SET \"Name\" = \"Name\" || ' ' WHERE \"Id\" = $id", ("$id", sotra)));
        await StepAsync("network renamed back", () => WriteAsync("UPDATE \"Networks\" SET \"Name\" = rtrim(\"Name\") WHERE \"Id\" = $id", ("$id", sotra)));
        await StepAsync("registration", () => WriteAsync("INSERT INTO \"AgendaRegistrations\" (\"EventId\", \"UserId\", \"Seats\", \"Status\", \"CreatedAtUtc\") VALUES ($id, (SELECT min(\"Id\") FROM \"AspNetUsers\"), 2, 0, '2026-01-01 00:00:00')", ("$id", published.Id)));
        await StepAsync("registration's seats", () => WriteAsync("UPDATE \"AgendaRegistrations\" SET \"Seats\" = 3 WHERE \"EventId\" = $id", ("$id", published.Id)));
        await StepAsync("registration removed", () => WriteAsync("DELETE FROM \"AgendaRegistrations\" WHERE \"EventId\" = $id", ("$id", published.Id)));
        await StepAsync("event deleted", () => WriteAsync("DELETE FROM \"AgendaEvents\" WHERE \"Id\" = $id", ("$id", published.Id)));

        Assert.All(steps, step => Assert.True(step.After > step.Before, $"« {step.Change} » left the agenda's version at {step.Before}."));
    }

    [Fact]
    public async Task Version_StaysWhenNothingAFeedShowsChanges()
    {
        await CalendarTestData.PublishAsync(factory, ["adebag"]);
        var before = await VersionAsync();

        Assert.Equal(1, await WriteAsync("UPDATE \"Networks\" SET \"Description\" = coalesce(\"Description\", '') || '.' WHERE \"Slug\" = 'adebag'"));
        Assert.Equal(1, await WriteAsync("UPDATE \"Companies\" SET \"Description\" = coalesce(\"Description\", '') || '.' WHERE \"Id\" = (SELECT min(\"Id\") FROM \"Companies\")"));

        Assert.Equal(before, await VersionAsync());
    }
}
