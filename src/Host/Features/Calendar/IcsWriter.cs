using Platform.Host.Web;
using System.Text;
using Ical.Net;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace Platform.Host.Features.Calendar;

/// <summary>
/// Writes events as an iCalendar (RFC 5545) feed: one Europe/Paris VTIMEZONE, times in Paris local
/// time with their TZID, a stable UID per event, SEQUENCE and STATUS:CANCELLED so subscribers'
/// calendars follow changes and cancellations.
/// </summary>
public static class IcsWriter
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(string name, IEnumerable<AgendaEventView> events, Uri siteRoot, Func<int, string> networkName)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(networkName);
        var calendar = new Ical.Net.Calendar { ProductId = "-//CCI de Lot-et-Garonne//Interclustering 47 Agenda//FR", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", ParisTime.TimeZoneId);
        // The VTIMEZONE's rules from 2000 on: the current EU rule (last Sunday of March and October) in RRULEs.
        calendar.AddTimeZone(ParisTime.TimeZoneId, new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), includeHistoricalData: false);
        foreach (var view in events)
        {
            var e = view.Event;
            var description = new StringBuilder();
            if (!string.IsNullOrWhiteSpace(e.Description))
            {
                description.AppendLine(e.Description);
            }

            var programme = e.ProgrammeLines();
            if (programme.Count > 0)
            {
                description.AppendLine().AppendLine("Programme :");
                foreach (var line in programme)
                {
                    description.Append(line.IsSubItem ? "    - " : "- ").AppendLine(line.Time is null ? line.Text : $"{line.TimeLabel} : {line.Text}");
                }
            }

            description.AppendLine().Append("Organisé par : ").Append(string.Join(", ", view.OrganiserIds.Select(networkName)));
            var icalEvent = new IcalEvent
            {
                Uid = e.Uid,
                Summary = e.Title,
                Description = description.ToString().Trim(),
                Location = e.Place,
                DtStart = Paris(e.StartUtc),
                DtEnd = Paris(e.EndUtc),
                DtStamp = Utc(e.UpdatedAtUtc),
                Created = Utc(e.CreatedAtUtc),
                LastModified = Utc(e.UpdatedAtUtc),
                Sequence = e.Sequence,
                Status = e.IsCancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Url = new Uri(siteRoot, $"/agenda/{e.Id}"),
            };
            icalEvent.Categories.Add(e.Type.ToFrench());
            calendar.Events.Add(icalEvent);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Paris(DateTime utc) =>
        new(DateTime.SpecifyKind(ParisTime.FromUtc(utc), DateTimeKind.Unspecified), ParisTime.TimeZoneId);

    private static CalDateTime Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), "UTC");
}
