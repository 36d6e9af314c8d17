using Microsoft.Extensions.DependencyInjection;
using Platform.Host.Features.Companies;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Companies;

/// <summary>
/// The directory's version, which the search's results are kept with (decision 0006, amendment 4): every change
/// to a company, a membership or a network moves it, whoever writes — here in plain SQL, as another process would.
/// </summary>
public sealed class DirectoryVersionTests(KeptSearchFactory factory) : IClassFixture<KeptSearchFactory>
{
    private async Task<long> VersionAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CompanyDirectory>().VersionAsync();
    }

    private Task<int> WriteAsync(string sql, params (string Name, object Value)[] parameters) => Elsewhere.WriteAsync(factory, sql, parameters);

    [Fact]
    public async Task Version_MovesWithEveryChangeToACompanyAMembershipOrANetwork()
    {
        var steps = new List<(string Change, long Before, long After)>();
        async Task StepAsync(string change, Func<Task> write)
        {
            var before = await VersionAsync();
            await write();
            steps.Add((change, before, await VersionAsync()));
        }

        var ciel = await Elsewhere.ReadNumberAsync(factory, "SELECT \"Id\" FROM \"Networks\" WHERE \"Slug\" = 'ciel'");
        await StepAsync("network created", () => WriteAsync("INSERT INTO \"Networks\" (\"Slug\", \"Name\", \"Kind\") VALUES ('club-version', 'Club de la version', 0)"));
        var club = await Elsewhere.ReadNumberAsync(factory, "SELECT \"Id\" FROM \"Networks\" WHERE \"Slug\" = 'club-version'");
        await StepAsync("company created", () => WriteAsync("INSERT INTO \"Companies\" (\"Name\") VALUES ('Atelier de la version')"));
        var company = await Elsewhere.ReadNumberAsync(factory, "SELECT \"Id\" FROM \"Companies\" WHERE \"Name\" = 'Atelier de la version'");
        await StepAsync("company's commune", () => WriteAsync("UPDATE \"Companies\" SET \"Commune\" = 'Nérac' WHERE \"Id\" = $id", ("$id", company)));
        await StepAsync("membership", () => WriteAsync("INSERT INTO \"CompanyMemberships\" (\"CompanyId\", \"NetworkId\") VALUES ($id, $network)", ("$id", company), ("$network", club)));
        await StepAsync("membership moved", () => WriteAsync("UPDATE \"CompanyMemberships\" SET \"NetworkId\" = $other WHERE \"CompanyId\" = $id", ("$id", company), ("$other", ciel)));
        await StepAsync("membership ended", () => WriteAsync("DELETE FROM \"CompanyMemberships\" WHERE \"CompanyId\" = $id", ("$id", company)));
        await StepAsync("network's description", () => WriteAsync("UPDATE \"Networks\" SET \"Description\" = 'Décrit' WHERE \"Id\" = $id", ("$id", club)));
        await StepAsync("network deleted", () => WriteAsync("DELETE FROM \"Networks\" WHERE \"Id\" = $id", ("$id", club)));
        await StepAsync("company deleted", () => WriteAsync("DELETE FROM \"Companies\" WHERE \"Id\" = $id", ("$id", company)));

        Assert.All(steps, step => Assert.True(step.After > step.Before, $"« {step.Change} » left the directory's version at {step.Before}."));
    }

    [Fact]
    public async Task Version_StaysWhenNothingTheDirectoryShowsChanges()
    {
        var before = await VersionAsync();
        await Calendar.CalendarTestData.PublishAsync(factory, ["ciel"]);
        Assert.Equal(1, await WriteAsync("UPDATE \"PluginStateVersions\" SET \"Version\" = \"Version\" + 1"));

        Assert.Equal(before, await VersionAsync());
    }
}
