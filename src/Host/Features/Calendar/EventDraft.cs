using Platform.Abstractions.Calendar;

namespace Platform.Host.Features.Calendar;

/// <summary>What a create or edit form (or a plugin's publish request) gives for an event.</summary>
public sealed record EventDraft(
    string Title,
    EventType Type,
    DateTime StartUtc,
    DateTime EndUtc,
    string? Place,
    string? Description,
    string? Programme,
    int? Capacity,
    DateTime? RegistrationDeadlineUtc,
    EventAudience Audience,
    IReadOnlyList<int> OrganiserNetworkIds)
{
    /// <summary>The draft's errors, each with the form field it belongs to, in French.</summary>
    public IReadOnlyList<(string Field, string Message)> Validate()
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(Title))
        {
            errors.Add((nameof(Title), "Le titre est obligatoire."));
        }
        else if (Title.Trim().Length > 200)
        {
            errors.Add((nameof(Title), "Le titre ne doit pas dépasser 200 caractères."));
        }

        if (!Enum.IsDefined(Type))
        {
            errors.Add((nameof(Type), "Choisissez un type d'événement."));
        }

        if (!Enum.IsDefined(Audience))
        {
            errors.Add((nameof(Audience), "Choisissez qui peut s'inscrire."));
        }

        if (EndUtc <= StartUtc)
        {
            errors.Add((nameof(EndUtc), "La fin doit être après le début."));
        }
        else if (EndUtc - StartUtc > AgendaEvent.MaxDuration)
        {
            errors.Add((nameof(EndUtc), "Un événement dure au plus 31 jours."));
        }

        if (Place?.Trim().Length > 300)
        {
            errors.Add((nameof(Place), "Le lieu ne doit pas dépasser 300 caractères."));
        }

        if (Description?.Length > 4000)
        {
            errors.Add((nameof(Description), "La description ne doit pas dépasser 4 000 caractères."));
        }

        if (Programme?.Length > 4000)
        {
            errors.Add((nameof(Programme), "Le programme ne doit pas dépasser 4 000 caractères."));
        }

        if (Capacity is < 1 or > 100_000)
        {
            errors.Add((nameof(Capacity), "Le nombre de places doit être compris entre 1 et 100 000, ou laissé vide."));
        }

        if (RegistrationDeadlineUtc is { } deadline && deadline > StartUtc)
        {
            errors.Add((nameof(RegistrationDeadlineUtc), "La clôture des inscriptions doit précéder le début."));
        }

        if (OrganiserNetworkIds.Count == 0)
        {
            errors.Add((nameof(OrganiserNetworkIds), "Choisissez au moins un réseau organisateur."));
        }

        return errors;
    }

    internal void ApplyTo(AgendaEvent agendaEvent)
    {
        agendaEvent.Title = Title.Trim();
        agendaEvent.Type = Type;
        agendaEvent.StartUtc = DateTime.SpecifyKind(StartUtc, DateTimeKind.Utc);
        agendaEvent.EndUtc = DateTime.SpecifyKind(EndUtc, DateTimeKind.Utc);
        agendaEvent.Place = string.IsNullOrWhiteSpace(Place) ? null : Place.Trim();
        agendaEvent.Description = string.IsNullOrWhiteSpace(Description) ? null : Description.Trim();
        agendaEvent.Programme = string.IsNullOrWhiteSpace(Programme) ? null : Programme.TrimEnd();
        agendaEvent.Capacity = Capacity;
        agendaEvent.RegistrationDeadlineUtc = RegistrationDeadlineUtc is { } d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : null;
        agendaEvent.Audience = Audience;
        var wanted = OrganiserNetworkIds.Distinct().ToHashSet();
        agendaEvent.Organisers.RemoveAll(o => !wanted.Contains(o.NetworkId));
        foreach (var id in wanted.Where(id => agendaEvent.Organisers.All(o => o.NetworkId != id)))
        {
            agendaEvent.Organisers.Add(new AgendaEventOrganiser { NetworkId = id });
        }
    }
}
