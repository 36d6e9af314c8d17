using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Calendar;
using Platform.Host.Data;
using Platform.Host.Features.Calendar;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Calendar;

/// <summary>Events whose registrations a plugin takes on its own page (<see cref="PublishEventRequest.RegistrationUrl"/>, contract 1.1).</summary>
[Collection(SharedHost.Name)]
public sealed class RegistrationUrlTests(SharedHostFactory factory)
{
    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("//evil")]
    [InlineData("/\\evil")]
    [InlineData("javascript:x")]
    [InlineData("")]
    [InlineData("/formation\r\n/inscription")]
    public async Task Publish_WithARegistrationUrlThatIsNotAPathOfTheSite_IsRefusedInFrench(string url)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => PublishAsync(Guid.NewGuid().ToString("N"), url));
        Assert.StartsWith("Le lien d'inscription ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithARegistrationUrlOver300Characters_IsRefused()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => PublishAsync(Guid.NewGuid().ToString("N"), "/" + new string('a', 300)));
        Assert.Contains("300 caractères", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventRegisteredOnAPluginPage_LinksThere_AndTheAgendaRefusesRegistrations()
    {
        const string url = "/c/etic/formation/sessions/12";
        var e = await PublishAsync(Guid.NewGuid().ToString("N"), url);
        Assert.Equal(url, e.RegistrationUrl);
        var email = await CalendarTestData.NewMemberAsync(factory, "Inès Formation", "etic");
        using var member = await BrowserSession.SignInAsync(factory, email);

        var (response, page) = await member.GetPageAsync($"/agenda/{e.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var link = page.QuerySelector("#registration-link")!;
        Assert.Equal(url, link.GetAttribute("href"));
        Assert.Equal("S'inscrire sur la page du module", link.TextContent);
        Assert.Null(page.QuerySelector("form[action*='handler=Register']"));
        // Capacity null and no agenda registrations: no « 0 inscrit » that would read as an empty session.
        Assert.Null(page.QuerySelector("#seats"));

        var forced = await member.PostWithoutFormAsync($"/agenda/{e.Id}?handler=Register", new Dictionary<string, string> { ["Colleagues"] = "0" });
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Contains("se font sur la page du module", await forced.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await CalendarTestData.RegistrationsAsync(factory, e.Id));
    }

    [Fact]
    public async Task Republishing_ChangesOrRemovesTheRegistrationUrl()
    {
        var key = Guid.NewGuid().ToString("N");
        var first = await PublishAsync(key, "/c/etic/formation/sessions/1", capacity: 12);
        var moved = await PublishAsync(key, "/c/etic/formation/sessions/2", capacity: 12);
        Assert.Equal(first.Id, moved.Id);
        Assert.Equal("/c/etic/formation/sessions/2", moved.RegistrationUrl);
        using var anonymous = new BrowserSession(factory.CreateBrowser());
        var (_, page) = await anonymous.GetPageAsync($"/agenda/{first.Id}");
        Assert.Equal("12 places", page.QuerySelector("#seats")!.TextContent);

        var back = await PublishAsync(key, null, capacity: 12);
        Assert.Null(back.RegistrationUrl);
        (_, page) = await anonymous.GetPageAsync($"/agenda/{first.Id}");
        Assert.Null(page.QuerySelector("#registration-link"));
        Assert.Equal("0/12 places", page.QuerySelector("#seats")!.TextContent);
    }

    [Fact]
    public void Register_OnAnEventRegisteredElsewhere_IsRefusedByTheModel()
    {
        var e = new AgendaEvent { Uid = AgendaEvent.NewUid(), Title = "Session", StartUtc = DateTime.UtcNow.AddDays(9), EndUtc = DateTime.UtcNow.AddDays(9).AddHours(3), RegistrationUrl = "/c/etic/formation" };
        var outcome = e.Register("user", 1, 1, DateTime.UtcNow);
        Assert.Equal(RegistrationResult.RegistersElsewhere, outcome.Result);
        Assert.Empty(e.Registrations);
    }

    private async Task<EventInfo> PublishAsync(string key, string? registrationUrl, int? capacity = null)
    {
        using var scope = factory.Services.CreateScope();
        var etic = await scope.ServiceProvider.GetRequiredService<PlatformDbContext>().Networks.Where(n => n.Slug == "etic").Select(n => n.Id).SingleAsync();
        var start = DateTime.UtcNow.AddDays(40);
        return await scope.ServiceProvider.GetRequiredService<ICalendarService>().PublishAsync(new PublishEventRequest
        {
            Source = "tests-formation",
            ExternalKey = key,
            Title = "Session de formation HACCP",
            Type = EventType.Training,
            StartUtc = start,
            EndUtc = start.AddHours(7),
            OrganiserNetworkIds = [etic],
            Capacity = capacity,
            RegistrationUrl = registrationUrl,
        });
    }
}
