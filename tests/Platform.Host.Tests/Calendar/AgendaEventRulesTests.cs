using Platform.Host.Web;
using Platform.Host.Features.Calendar;

namespace Platform.Host.Tests.Calendar;

/// <summary>The registration rules on the model, without a host.</summary>
public sealed class AgendaEventRulesTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    private static AgendaEvent NewEvent(int? capacity) => new()
    {
        Uid = "u",
        Title = "Atelier",
        StartUtc = Now.AddDays(10),
        EndUtc = Now.AddDays(10).AddHours(2),
        Capacity = capacity,
    };

    private static Registration Add(AgendaEvent e, string user, int seats)
    {
        var outcome = e.Register(user, 1, seats, Now);
        // Ids stand for arrival order, as the database gives them.
        outcome.Registration!.Id = e.Registrations.Count;
        return outcome.Registration;
    }

    [Fact]
    public void Register_BeyondCapacity_GoesToWaitlist()
    {
        var e = NewEvent(3);
        Add(e, "a", 2);
        var b = Add(e, "b", 2);
        Assert.Equal(RegistrationStatus.Waitlisted, b.Status);
        Assert.Equal(2, e.ConfirmedSeats);
        // A later single seat would fit, but someone waits before it: first come, first served.
        var c = Add(e, "c", 1);
        Assert.Equal(RegistrationStatus.Waitlisted, c.Status);
    }

    [Fact]
    public void Cancel_PromotesInArrivalOrder_WithoutOvertaking()
    {
        var e = NewEvent(3);
        var a = Add(e, "a", 3);
        var big = Add(e, "big", 2);
        var small = Add(e, "small", 1);
        Assert.All([big, small], r => Assert.Equal(RegistrationStatus.Waitlisted, r.Status));

        var promoted = e.CancelRegistration(a, Now);

        Assert.Equal(["big", "small"], promoted.Select(r => r.UserId));
        Assert.Equal(3, e.ConfirmedSeats);
    }

    [Fact]
    public void Register_Twice_OrAfterDeadline_OrMoreSeatsThanCapacity_IsRefused()
    {
        var e = NewEvent(5);
        Add(e, "a", 1);
        Assert.Equal(RegistrationResult.AlreadyRegistered, e.Register("a", 1, 1, Now).Result);
        Assert.Equal(RegistrationResult.TooManySeats, e.Register("b", 1, 6, Now).Result);
        Assert.Equal(RegistrationResult.Closed, e.Register("b", 1, 1, e.StartUtc).Result);
        e.RegistrationClosed = true;
        Assert.Equal(RegistrationResult.Closed, e.Register("b", 1, 1, Now).Result);
    }

    [Fact]
    public void Programme_ReadsTimesAndSubItems()
    {
        var lines = ProgrammeLine.Parse("9h Introduction en plénière\n10h30 : Ateliers\n14:00 Visite\nPanorama\n  Exemples de collaborations");
        Assert.Equal(["9 h", "10 h 30", "14 h", "", ""], lines.Select(l => l.TimeLabel));
        Assert.Equal("Ateliers", lines[1].Text);
        Assert.True(lines[4].IsSubItem);
    }

    [Fact]
    public void ParisTime_SpringGap_AndAutumnOverlap_AreResolved()
    {
        // 27 March 2027 02:30 does not exist in Paris; 31 October 2027 02:30 happens twice.
        Assert.Equal(new DateTime(2027, 3, 28, 1, 30, 0, DateTimeKind.Utc), ParisTime.ToUtc(new DateTime(2027, 3, 28, 2, 30, 0)));
        Assert.Equal(new DateTime(2027, 10, 31, 0, 30, 0, DateTimeKind.Utc), ParisTime.ToUtc(new DateTime(2027, 10, 31, 2, 30, 0)));
    }
}
