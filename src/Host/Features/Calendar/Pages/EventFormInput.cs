using Platform.Host.Web;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Platform.Abstractions.Calendar;
using Platform.Abstractions.Members;
using Platform.Abstractions.Networks;

namespace Platform.Host.Features.Calendar.Pages;

/// <summary>The create and edit form of an event, in Paris wall-clock dates and times.</summary>
public sealed class EventFormInput
{
    [Required(ErrorMessage = "Le titre est obligatoire.")]
    [StringLength(200, ErrorMessage = "Le titre ne doit pas dépasser 200 caractères.")]
    [Display(Name = "Titre")]
    public string? Title { get; set; }

    [Display(Name = "Type")]
    public EventType Type { get; set; } = EventType.Meeting;

    [Required(ErrorMessage = "La date de début est obligatoire.")]
    [Display(Name = "Date de début")]
    public DateOnly? StartDate { get; set; }

    [Required(ErrorMessage = "L'heure de début est obligatoire.")]
    [Display(Name = "Heure de début")]
    public TimeOnly? StartTime { get; set; }

    [Display(Name = "Date de fin")]
    public DateOnly? EndDate { get; set; }

    [Required(ErrorMessage = "L'heure de fin est obligatoire.")]
    [Display(Name = "Heure de fin")]
    public TimeOnly? EndTime { get; set; }

    [StringLength(300, ErrorMessage = "Le lieu ne doit pas dépasser 300 caractères.")]
    [Display(Name = "Lieu")]
    public string? Place { get; set; }

    [StringLength(4000, ErrorMessage = "La description ne doit pas dépasser 4 000 caractères.")]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    [StringLength(4000, ErrorMessage = "Le programme ne doit pas dépasser 4 000 caractères.")]
    [Display(Name = "Programme")]
    public string? Programme { get; set; }

    [Range(1, 100_000, ErrorMessage = "Le nombre de places doit être compris entre 1 et 100 000, ou laissé vide.")]
    [Display(Name = "Nombre de places")]
    public int? Capacity { get; set; }

    [Display(Name = "Date de clôture des inscriptions")]
    public DateOnly? DeadlineDate { get; set; }

    [Display(Name = "Heure de clôture des inscriptions")]
    public TimeOnly? DeadlineTime { get; set; }

    [Display(Name = "Ouvert à")]
    public EventAudience Audience { get; set; }

    [Display(Name = "Réseaux organisateurs")]
    public List<int> Organisers { get; set; } = [];

    public EventDraft ToDraft()
    {
        var startDate = StartDate ?? DateOnly.MinValue;
        var start = ParisTime.ToUtc(startDate.ToDateTime(StartTime ?? TimeOnly.MinValue));
        var end = ParisTime.ToUtc((EndDate ?? startDate).ToDateTime(EndTime ?? TimeOnly.MinValue));
        DateTime? deadline = DeadlineDate is { } d ? ParisTime.ToUtc(d.ToDateTime(DeadlineTime ?? new TimeOnly(23, 59))) : null;
        return new EventDraft(Title ?? "", Type, start, end, Place, Description, Programme, Capacity, deadline, Audience, Organisers);
    }

    public static EventFormInput From(AgendaEventView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var e = view.Event;
        var start = ParisTime.FromUtc(e.StartUtc);
        var end = ParisTime.FromUtc(e.EndUtc);
        var deadline = e.RegistrationDeadlineUtc is { } d ? ParisTime.FromUtc(d) : (DateTime?)null;
        return new EventFormInput
        {
            Title = e.Title,
            Type = e.Type,
            StartDate = DateOnly.FromDateTime(start),
            StartTime = TimeOnly.FromDateTime(start),
            EndDate = DateOnly.FromDateTime(end),
            EndTime = TimeOnly.FromDateTime(end),
            Place = e.Place,
            Description = e.Description,
            Programme = e.Programme,
            Capacity = e.Capacity,
            DeadlineDate = deadline is { } dd ? DateOnly.FromDateTime(dd) : null,
            DeadlineTime = deadline is { } dt ? TimeOnly.FromDateTime(dt) : null,
            Audience = e.Audience,
            Organisers = view.OrganiserIds.ToList(),
        };
    }

    /// <summary>Puts the service's errors next to their fields (<c>Input.…</c>).</summary>
    public static void AddErrors(ModelStateDictionary modelState, IEnumerable<(string Field, string Message)> errors)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, message) in errors)
        {
            var key = field switch
            {
                nameof(EventDraft.Title) => nameof(Title),
                nameof(EventDraft.StartUtc) => nameof(StartDate),
                nameof(EventDraft.EndUtc) => nameof(EndTime),
                nameof(EventDraft.RegistrationDeadlineUtc) => nameof(DeadlineDate),
                nameof(EventDraft.OrganiserNetworkIds) => nameof(Organisers),
                _ => field,
            };
            modelState.AddModelError("Input." + key, message);
        }
    }

    /// <summary>The networks the form offers: those the member animates, and the event's current organisers.</summary>
    public static IReadOnlyList<NetworkInfo> Choices(IReadOnlyList<NetworkInfo> networks, ICurrentMember member, IReadOnlyCollection<int> current) =>
        networks.Where(n => member.IsAnimatorOf(n.Id) || current.Contains(n.Id)).ToList();
}
