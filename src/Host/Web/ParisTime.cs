namespace Platform.Host.Web;

/// <summary>Europe/Paris conversions: instants are stored in UTC and shown in Paris time.</summary>
public static class ParisTime
{
    public const string TimeZoneId = "Europe/Paris";

    public static System.Globalization.CultureInfo French { get; } = System.Globalization.CultureInfo.GetCultureInfo("fr-FR");

    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>A Paris wall-clock time to UTC. A time skipped by the spring change is moved an hour later; an ambiguous autumn time is read as the first (summer) one.</summary>
    public static DateTime ToUtc(DateTime paris)
    {
        var local = DateTime.SpecifyKind(paris, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        if (Zone.IsAmbiguousTime(local))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}
