using System.Globalization;
using Platform.Plugins.Formation.Domain;

namespace Platform.Plugins.Formation;

/// <summary>French display of the plugin's figures: euros, Paris time, phase and status labels.</summary>
public static class FormationFormat
{
    public static CultureInfo French { get; } = CultureInfo.GetCultureInfo("fr-FR");

    public static TimeZoneInfo Paris { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static DateTime ToParis(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Paris);

    /// <summary>A Paris wall-clock time to UTC; a time skipped by the spring change is moved an hour on.</summary>
    public static DateTime FromParis(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Paris.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Paris);
    }

    public static string Date(DateTime utc) => ToParis(utc).ToString("dddd d MMMM yyyy", French);

    public static string ShortDate(DateTime utc) => ToParis(utc).ToString("dd/MM/yyyy", French);

    public static string DateAndTime(DateTime utc) => ToParis(utc).ToString("dd/MM/yyyy HH:mm", French);

    public static string Euros(long cents) => (cents / 100m).ToString(cents % 100 == 0 ? "#,##0 €" : "#,##0.00 €", French);

    public static string Euros(decimal euros) => euros.ToString(euros == decimal.Truncate(euros) ? "#,##0 €" : "#,##0.00 €", French);

    public static string Percent(double ratio) => ratio.ToString("0 %", French);

    public static string Label(this ProgrammePhase phase) => phase switch
    {
        ProgrammePhase.NeedsCollection => "Recueil des besoins",
        ProgrammePhase.Specification => "Cahiers des charges et modules",
        ProgrammePhase.Sessions => "Sessions et inscriptions",
        _ => "Action clôturée",
    };

    public static string Label(this SessionStatus status) => status switch
    {
        SessionStatus.Planned => "Planifiée",
        SessionStatus.Confirmed => "Maintenue",
        SessionStatus.Held => "Réalisée",
        _ => "Annulée",
    };

    public static string Label(this PreferredPeriod period) => period switch
    {
        PreferredPeriod.FirstQuarter => "1er trimestre",
        PreferredPeriod.SecondQuarter => "2e trimestre",
        PreferredPeriod.ThirdQuarter => "3e trimestre",
        PreferredPeriod.FourthQuarter => "4e trimestre",
        _ => "Indifférent",
    };
}
