using Microsoft.AspNetCore.Mvc;
using Platform.Abstractions.Directory;
using Platform.Abstractions.Networks;
using Platform.Plugins.Formation.Domain;

namespace Platform.Plugins.Formation.Pages.Programmes;

/// <summary>
/// <c>/c/{network}/formation/programmes/{id}/bilan</c>: the report of the collective action to the
/// funder — per network and per company, trainees, hours, modules and spending — as a printable page
/// and as CSV (<c>?handler=Csv</c>). For the animators of the programme's networks.
/// </summary>
public sealed class ReportModel(ProgrammeService programmes, FormationAccess access, INetworkDirectory networks, ICompanyDirectory directory)
    : ProgrammePageModel(programmes, access, networks)
{
    public ProgrammeReport Report { get; private set; } = null!;

    public IReadOnlyDictionary<int, string> CompanyNames { get; private set; } = new Dictionary<int, string>();

    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        var bytes = ReportCsv.Write(Programme, Report, NetworkName, CompanyName);
        return File(bytes, "text/csv; charset=utf-8", $"bilan-formation-{Programme.Id}-{FormationFormat.ToParis(Now):yyyy-MM-dd}.csv");
    }

    public string CompanyName(int companyId) => CompanyNames.TryGetValue(companyId, out var name) ? name : $"Entreprise {companyId}";

    private async Task<bool> LoadAsync(int id)
    {
        // Figures of every network's companies: not for members, and 404 rather than a hint it exists.
        if (!await LoadProgrammeAsync(id) || !CanSeeFigures)
        {
            return false;
        }

        Now = Programmes.Now;
        Report = await Programmes.ReportAsync(Programme, HttpContext.RequestAborted);
        var names = new Dictionary<int, string>();
        foreach (var line in Report.Companies)
        {
            names[line.CompanyId] = (await directory.FindCompanyAsync(line.CompanyId, HttpContext.RequestAborted))?.Name ?? $"Entreprise {line.CompanyId}";
        }

        CompanyNames = names;
        return true;
    }
}
