using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Directory;
using Platform.Abstractions.Events;
using Platform.Host.Data;
using Platform.Host.Features.Demo;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Companies;

[Collection(SharedHost.Name)]
public sealed class MembershipTests(SharedHostFactory factory)
{
    [Fact]
    public async Task Animator_AddsACompanyBySiren_ThenRemovesIt()
    {
        var (id, siren) = await CompanyAsync("Conserverie du Pays d'Albret");
        using var animator = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("cinema-economie-creative"));

        var refused = await animator.PostFormAsync("/annuaire/reseaux/cinema-economie-creative?handler=Add", new() { ["siren"] = "123 456 789" }, formPage: "/annuaire/reseaux/cinema-economie-creative");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.StartsWith("Le SIREN « 123 456 789 » n'est pas valide", page.QuerySelector("#siren-error")!.TextContent, StringComparison.Ordinal);

        var added = await animator.PostFormAsync("/annuaire/reseaux/cinema-economie-creative?handler=Add", new() { ["siren"] = siren }, formPage: "/annuaire/reseaux/cinema-economie-creative");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(await IsMemberAsync(id, "cinema-economie-creative"));

        var removed = await animator.PostFormAsync("/annuaire/reseaux/cinema-economie-creative?handler=Remove", new() { ["companyId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formPage: "/annuaire/reseaux/cinema-economie-creative");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(await IsMemberAsync(id, "cinema-economie-creative"));
        Assert.True(await IsMemberAsync(id, "prod-iaa"));
    }

    [Fact]
    public async Task AnotherNetworksAnimator_CannotRemoveMembers()
    {
        var (id, _) = await CompanyAsync("Menuiserie Lavardac");
        using var animator = await BrowserSession.SignInAsync(factory, DemoSeeder.AnimatorEmail("ciel"));

        var response = await animator.PostFormAsync("/annuaire/reseaux/sotra?handler=Remove", new() { ["companyId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formPage: "/annuaire/reseaux/ciel");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.True(await IsMemberAsync(id, "sotra"));
    }

    private async Task<(int Id, string Siren)> CompanyAsync(string name)
    {
        using var scope = factory.Services.CreateScope();
        var company = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Companies.SingleAsync(c => c.Name == name);
        return (company.Id, company.Siren!);
    }

    private async Task<bool> IsMemberAsync(int companyId, string slug)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().CompanyMemberships.AnyAsync(m => m.CompanyId == companyId && m.Network!.Slug == slug);
    }
}

/// <summary>Plugins hear about new members: a host with a recording handler of the membership events.</summary>
public sealed class MembershipEventTests : IDisposable
{
    private readonly RecordingFactory _factory = new();

    [Fact]
    public async Task Import_PublishesCompanyJoinedNetwork_ForEachNewMember()
    {
        using var animator = await BrowserSession.SignInAsync(_factory, DemoSeeder.AnimatorEmail("inoo"));
        var body = "1470001";
        var siren = body + "0" + Platform.Host.Features.Companies.BusinessIdentifiers.CheckDigit(body + "0");
        var csv = $"Raison sociale;SIREN\nStudio Pixel Garonne;{siren}\n";

        var response = await animator.PostFormAsync("/annuaire/reseaux/inoo/import?handler=Confirm", new() { ["CsvText"] = csv }, formPage: "/annuaire/reseaux/inoo/import");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var joined = Assert.Single(_factory.Recorder.Events.OfType<CompanyJoinedNetwork>());
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        Assert.Equal(await db.Companies.Where(c => c.Siren == siren).Select(c => c.Id).SingleAsync(), joined.CompanyId);
        Assert.Equal(await db.Networks.Where(n => n.Slug == "inoo").Select(n => n.Id).SingleAsync(), joined.NetworkId);
    }

    public void Dispose() => _factory.Dispose();

    private sealed class RecordingFactory() : PlatformFactory(TestPaths.PluginFolderWith())
    {
        public Recorder Recorder { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(Recorder);
                services.AddSingleton<IDomainEventHandler<CompanyJoinedNetwork>>(Recorder);
            });
        }
    }

    private sealed class Recorder : IDomainEventHandler<CompanyJoinedNetwork>
    {
        public List<IDomainEvent> Events { get; } = [];

        public Task HandleAsync(CompanyJoinedNetwork domainEvent, CancellationToken cancellationToken)
        {
            lock (Events)
            {
                Events.Add(domainEvent);
            }

            return Task.CompletedTask;
        }
    }
}
