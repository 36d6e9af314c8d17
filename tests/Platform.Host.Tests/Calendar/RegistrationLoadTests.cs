using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Members;
using Platform.Host.Data;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Calendar;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Demo;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Calendar;

/// <summary>
/// A real Kestrel server on loopback and its own SQLite file, with <see cref="Registrants"/> signed-in
/// members (cheap password hashing: this host exists to load the registration path, not the login).
/// </summary>
public sealed class RegistrationLoadFactory : PlatformFactory, IAsyncLifetime
{
    public const int Registrants = 100;

    public RegistrationLoadFactory()
        : base(TestPaths.NewTempDirectory()) => UseKestrel(0);

    public List<BrowserSession> Sessions { get; } = [];

    /// <summary>Each session's antiforgery token (valid for any form of the site for that user).</summary>
    public List<string> Tokens { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000));
    }

    public async Task InitializeAsync()
    {
        using (var scope = Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            for (var i = 0; i < Registrants; i++)
            {
                var company = db.Companies.Add(new Company { Name = $"Entreprise de charge {i:000}" }).Entity;
                await db.SaveChangesAsync();
                var (user, errors) = await accounts.CreateAsync($"charge{i:000}@{DemoSeeder.Domain}", $"Participant {i:000}", DemoSeeder.Password, PlatformRoles.Member, company.Id);
                Assert.True(user is not null, string.Join("; ", errors));
            }
        }

        // Kestrel listens on a free loopback port: clients must be pointed at it.
        var address = new Uri(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        for (var i = 0; i < Registrants; i++)
        {
            // A plain HttpClient over TCP: each member has their own cookies and sees redirects.
            var handler = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() };
            var session = new BrowserSession(new HttpClient(handler) { BaseAddress = address });
            var signIn = await session.PostFormAsync("/compte/connexion", new() { ["Input.Email"] = $"charge{i:000}@{DemoSeeder.Domain}", ["Input.Password"] = DemoSeeder.Password });
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());
            var (_, page) = await session.GetPageAsync("/agenda/mes-inscriptions");
            Tokens.Add(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
            Sessions.Add(session);
        }
    }

    Task IAsyncLifetime.DisposeAsync()
    {
        Sessions.ForEach(s => s.Dispose());
        return Task.CompletedTask;
    }
}

/// <summary>
/// The load property of the agenda: many members register at the same instant, over real HTTP, for
/// fewer seats than there are people. Never more confirmed than the capacity; the waitlist keeps
/// the order of arrival; one cancellation promotes exactly one waiting member.
/// </summary>
public sealed class RegistrationLoadTests(RegistrationLoadFactory factory) : IClassFixture<RegistrationLoadFactory>
{
    private const int Seats = 30;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task ParallelRegistrations_NeverConfirmMoreThanCapacity_AndOneCancellationPromotesExactlyOne(int run)
    {
        var agendaEvent = await CalendarTestData.PublishAsync(factory, ["sotra", "promobois"], capacity: Seats, title: $"Salon test charge {run}");

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var posts = factory.Sessions.Select(async (session, i) =>
        {
            await start.Task;
            using var form = new FormUrlEncodedContent([new("Colleagues", "0"), new("__RequestVerificationToken", factory.Tokens[i])]);
            return await session.Client.PostAsync($"/agenda/{agendaEvent.Id}?handler=Register", form);
        }).ToList();
        start.SetResult();
        var responses = await Task.WhenAll(posts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var registrations = await CalendarTestData.RegistrationsAsync(factory, agendaEvent.Id);
        Assert.Equal(RegistrationLoadFactory.Registrants, registrations.Count);
        Assert.Equal(Seats, registrations.Count(r => r.Status == RegistrationStatus.Confirmed));
        // First come, first served: the confirmed ones are exactly the first arrivals.
        Assert.All(registrations.Take(Seats), r => Assert.Equal(RegistrationStatus.Confirmed, r.Status));
        Assert.All(registrations.Skip(Seats), r => Assert.Equal(RegistrationStatus.Waitlisted, r.Status));

        var anyone = factory.Sessions[0];
        var (_, page) = await anyone.GetPageAsync($"/agenda/{agendaEvent.Id}");
        Assert.Equal($"{Seats}/{Seats} places", page.QuerySelector("#seats")!.TextContent);

        // One confirmed member (the 5th to arrive) cancels: the first on the waitlist, and only them, gets the seat.
        var leaver = registrations[4];
        var firstWaiting = registrations[Seats];
        var leaverSession = SessionOf(leaver.UserId, registrations);
        var cancel = await leaverSession.PostFormAsync($"/agenda/{agendaEvent.Id}?handler=Unregister", [], formPage: $"/agenda/{agendaEvent.Id}");
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);

        var after = await CalendarTestData.RegistrationsAsync(factory, agendaEvent.Id);
        Assert.Equal(Seats, after.Count(r => r.Status == RegistrationStatus.Confirmed));
        Assert.Equal(RegistrationStatus.Cancelled, after.Single(r => r.Id == leaver.Id).Status);
        var promoted = after.Where(r => r.Status == RegistrationStatus.Confirmed && registrations.Single(b => b.Id == r.Id).Status == RegistrationStatus.Waitlisted).ToList();
        Assert.Equal(firstWaiting.Id, Assert.Single(promoted).Id);

        var (_, notifications) = await SessionOf(firstWaiting.UserId, registrations).GetPageAsync("/notifications");
        Assert.Contains($"Place confirmée : Salon test charge {run}", notifications.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    private BrowserSession SessionOf(string userId, List<Registration> registrations)
    {
        using var scope = factory.Services.CreateScope();
        var email = scope.ServiceProvider.GetRequiredService<UserManager<User>>().Users.Single(u => u.Id == userId).Email!;
        var index = int.Parse(email.AsSpan(6, 3), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(registrations, r => r.UserId == userId);
        return factory.Sessions[index];
    }
}
