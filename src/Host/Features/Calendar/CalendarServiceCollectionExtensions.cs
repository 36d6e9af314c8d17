using Platform.Abstractions.Calendar;

namespace Platform.Host.Features.Calendar;

public static class CalendarServiceCollectionExtensions
{
    /// <summary>The shared agenda: events, registrations, feeds, and <see cref="ICalendarService"/> for plugins.</summary>
    public static WebApplicationBuilder AddCalendar(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CalendarService>();
        builder.Services.AddScoped<ICalendarService>(sp => sp.GetRequiredService<CalendarService>());
        builder.Services.AddScoped<RegistrationService>();
        builder.Services.AddSingleton<EventViewCache>();
        builder.Services.AddSingleton<IcsCache>();
        builder.Services.AddScoped<CalendarDemoSeeder>();
        return builder;
    }
}
