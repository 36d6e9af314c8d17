using Platform.Host.Data;
using Platform.Host.Features.Accounts;
using Platform.Host.Features.Calendar;
using Platform.Host.Features.Cli;
using Platform.Host.Features.Companies;
using Platform.Host.Features.Health;
using Platform.Host.Features.Home;
using Platform.Host.Features.Networks;
using Platform.Host.Features.Notifications;
using Platform.Host.Features.Purchasing;
using Platform.Host.Plugins;
using Platform.Host.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddPlatformData();
builder.AddPlatformAccounts();
builder.AddPlatformNotifications();
builder.AddCalendar();
builder.AddPurchasing();
builder.AddCompanyDirectory();
var mvc = builder.AddPlatformWeb();
builder.AddPlugins(mvc);

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args, Console.In, Console.Out, Console.Error);
}

// The database is brought up to date on another thread (the host's migrations, begun with the building, then
// the demo data, the plugins' migrations and statuses) while the pipeline and the endpoints are described, which
// need none of it: on the two cores the site is sized for, the start-up is that much shorter (decision 0022).
// Nothing is served before both are done.
var database = Task.Run(app.InitializeDatabaseAsync);

app.UsePlatformWeb();
app.MapHealth();
app.MapCultureSwitch();
app.MapCalendarFeeds();
app.MapCompanyDirectory();
app.MapNetworkFilter();
app.MapRazorPages();
await database;
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
