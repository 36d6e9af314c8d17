using Autofac.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Navigation;
using Platform.Abstractions.Plugins;
using Platform.Plugins.Notes.Data;

namespace Platform.Plugins.Notes;

public sealed class NotesPlugin : IPlugin
{
    public void ConfigureServices(IServiceCollection services, IPluginSetupContext context)
    {
        services.AddDbContext<NotesDbContext>(o => o.UseSqlite(
            context.Database.ConnectionString,
            b => b.MigrationsHistoryTable(context.Database.MigrationsHistoryTable)));
        services.AddSingleton(new NotesDemoOptions(string.Equals(context.Configuration["DemoDataFails"], "true", StringComparison.OrdinalIgnoreCase)));
    }

    public IModule? CreateModule() => new NotesModule();

    public void ConfigureNavigation(INavigationBuilder navigation) => navigation.Add("Notes", "/Index");
}
