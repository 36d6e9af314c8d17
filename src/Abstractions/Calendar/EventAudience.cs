namespace Platform.Abstractions.Calendar;

/// <summary>Who may register for an event.</summary>
public enum EventAudience
{
    /// <summary>Members of the companies that belong to one of the organising networks.</summary>
    OrganisingNetworks = 0,

    /// <summary>Every member of the platform (any person attached to a member company).</summary>
    AllMembers = 1,
}
