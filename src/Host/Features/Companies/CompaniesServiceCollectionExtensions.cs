using Platform.Abstractions.Directory;

namespace Platform.Host.Features.Companies;

public static class CompaniesServiceCollectionExtensions
{
    /// <summary>The directory (annuaire): search, pages, statistics, suggestions, CSV, the JSON API and its OpenAPI document.</summary>
    public static WebApplicationBuilder AddCompanyDirectory(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CompanyDirectory>();
        builder.Services.AddSingleton<NetworkSearchIndex>();
        builder.Services.AddSingleton<CompanySearchIndex>();
        builder.Services.AddSingleton<DirectoryVersionReader>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<DirectoryStatistics>();
        builder.Services.Configure<StatisticsOptions>(builder.Configuration.GetSection("Statistics"));
        builder.Services.Configure<DirectorySearchOptions>(builder.Configuration.GetSection("Search"));
        builder.Services.AddScoped<ComplementarySuggestions>();
        builder.Services.AddSingleton<SuggestionsCache>();
        builder.Services.AddScoped<SuggestionsStore>();
        builder.Services.AddSingleton<StoredSuggestionRows>();
        builder.Services.Configure<SuggestionsOptions>(builder.Configuration.GetSection("Suggestions"));
        builder.Services.AddSingleton<SuggestionsRefresher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SuggestionsRefresher>());
        builder.Services.AddScoped<CompanyEditing>();
        builder.Services.AddScoped<CompanyCsv>();
        builder.Services.AddScoped<ICompanyDirectory, CompanyDirectoryForPlugins>();
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Interclustering 47 — annuaire";
            document.Info.Description = "API de lecture de l'annuaire des réseaux d'entreprises de Lot-et-Garonne, pour les sites des réseaux.";
            return Task.CompletedTask;
        }));
        return builder;
    }

    public static WebApplication MapCompanyDirectory(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapDirectoryApi();
        return app;
    }
}
