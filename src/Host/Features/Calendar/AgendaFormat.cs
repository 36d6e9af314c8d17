using Platform.Host.Web;
namespace Platform.Host.Features.Calendar;

/// <summary>French date labels of the agenda pages, always in Europe/Paris time.</summary>
public static class AgendaFormat
{
    public static string Time(DateTime paris) => paris.Minute == 0 ? $"{paris.Hour} h" : $"{paris.Hour} h {paris.Minute:00}";

    public static string Day(DateTime paris) => paris.ToString("dddd d MMMM yyyy", ParisTime.French);

    /// <summary>« lundi 15 juin 2027, 17 h – 19 h 30 », or « du … au … » over several days.</summary>
    public static string Range(DateTime startUtc, DateTime endUtc)
    {
        var start = ParisTime.FromUtc(startUtc);
        var end = ParisTime.FromUtc(endUtc);
        return start.Date == end.Date
            ? $"{Day(start)}, {Time(start)} – {Time(end)}"
            : $"du {Day(start)}, {Time(start)} au {Day(end)}, {Time(end)}";
    }

    public static string Instant(DateTime utc)
    {
        var paris = ParisTime.FromUtc(utc);
        return $"{Day(paris)} à {Time(paris)}";
    }
}
