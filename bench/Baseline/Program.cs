using Microsoft.EntityFrameworkCore;
using Platform.Bench.Baseline;

var builder = WebApplication.CreateBuilder(args);
var database = builder.Configuration["Baseline:Database"] ?? throw new InvalidOperationException("Baseline:Database is required.");
builder.Services.AddDbContextPool<BaselineDbContext>(o => o.UseSqlite($"Data Source={database};Mode=ReadOnly"));
builder.Services.AddSingleton(new StaticPage(File.ReadAllText(builder.Configuration["Baseline:StaticPage"]
    ?? throw new InvalidOperationException("Baseline:StaticPage is required."))));
builder.Services.AddRazorPages();

var app = builder.Build();
app.MapRazorPages();
await app.RunAsync();
