using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Platform.Abstractions.Networks;
using Platform.Plugins.Formation.Domain;

namespace Platform.Plugins.Formation.Pages.Programmes;

/// <summary>
/// <c>/c/{network}/formation/programmes/{id}</c>: the programme's dashboard — its phase, budget,
/// each network's fill rate, the sessions (flagged when under their minimum at the go/no-go date).
/// </summary>
public sealed class DetailsModel(ProgrammeService programmes, FormationAccess access, INetworkDirectory networks)
    : ProgrammePageModel(programmes, access, networks)
{
    public ProgrammeReport Report { get; private set; } = null!;

    public IReadOnlyList<TrainingSession> Sessions { get; private set; } = [];

    /// <summary>Sessions to come, soonest first.</summary>
    public SessionTable Upcoming { get; private set; } = null!;

    /// <summary>Past sessions, latest first.</summary>
    public SessionTable Past { get; private set; } = null!;

    public IReadOnlyList<TrainingSession> Flagged { get; private set; } = [];

    public IReadOnlyList<ProgressMeeting> Meetings { get; private set; } = [];

    public DateTime Now { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAdvanceAsync(int id)
    {
        if (!await LoadProgrammeAsync(id))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        var refusal = await Programmes.AdvanceAsync(id, HttpContext.RequestAborted);
        if (refusal is not null)
        {
            ModelState.AddModelError("", refusal);
            await LoadAsync(id);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Message = "Le programme passe à l'étape suivante.";
        return Redirect($"/c/{Network.Slug}/formation/programmes/{id}");
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (!await LoadProgrammeAsync(id))
        {
            return false;
        }

        Now = Programmes.Now;
        Report = await Programmes.ReportAsync(Programme, HttpContext.RequestAborted);
        Sessions = await Programmes.SessionsAsync(id, HttpContext.RequestAborted);
        Flagged = [.. Sessions.Where(s => s.NeedsDecision(Now))];
        Upcoming = new([.. Sessions.Where(s => s.StartUtc >= Now).OrderBy(s => s.StartUtc)], Now, "session-list");
        Past = new([.. Sessions.Where(s => s.StartUtc < Now).OrderByDescending(s => s.StartUtc)], Now, "past-sessions");
        Meetings = [.. (await Programmes.MeetingsAsync(id, HttpContext.RequestAborted)).Take(3)];
        return true;
    }
}

/// <summary>The rows of a table of sessions (<c>_SessionTable</c>) and its element id.</summary>
public sealed record SessionTable(IReadOnlyList<TrainingSession> Sessions, DateTime Now, string Id);
