namespace Platform.Plugins.Formation.Domain;

/// <summary>
/// The programme's figures for its dashboard and its report to the funder, computed from its sessions
/// (with their modules and enrolments). A session's cost is shared among networks and companies in
/// proportion to their trainees: enrolled ones for what is committed, present ones for what is spent.
/// </summary>
public sealed class ProgrammeReport
{
    private ProgrammeReport()
    {
    }

    public long BudgetCents { get; private init; }

    public long CommittedCents { get; private init; }

    public long SpentCents { get; private init; }

    public long RemainingCents => BudgetCents - CommittedCents;

    /// <summary>Trainings followed: one per present trainee and session.</summary>
    public int Trainees { get; private init; }

    public int TrainingHours { get; private init; }

    public decimal? CostPerTrainee => Trainees == 0 ? null : SpentCents / 100m / Trainees;

    public decimal? CostPerTrainingHour => TrainingHours == 0 ? null : SpentCents / 100m / TrainingHours;

    public IReadOnlyList<ModuleLine> Modules { get; private init; } = [];

    public IReadOnlyList<NetworkLine> Networks { get; private init; } = [];

    public IReadOnlyList<CompanyLine> Companies { get; private init; } = [];

    /// <summary>Spent on held sessions nobody attended: in no network's share.</summary>
    public decimal UnallocatedSpentEuros { get; private init; }

    public static ProgrammeReport Compute(Programme programme, IReadOnlyList<TrainingModule> modules, IReadOnlyList<TrainingSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(modules);
        ArgumentNullException.ThrowIfNull(sessions);
        var counted = sessions.Where(s => s.Status != SessionStatus.Cancelled).ToList();
        var held = counted.Where(s => s.Status == SessionStatus.Held).ToList();

        var networks = programme.NetworkIds.ToDictionary(id => id, id => new NetworkAccumulator());
        var companies = new Dictionary<int, CompanyAccumulator>();
        var unallocated = 0m;
        foreach (var session in counted)
        {
            foreach (var group in session.Enrolments.GroupBy(e => e.NetworkId))
            {
                var network = Network(networks, group.Key);
                network.Enrolled += group.Count();
                network.CommittedEuros += Share(session.CostCents, group.Count(), session.Enrolments.Count);
            }

            foreach (var quota in session.Quotas)
            {
                Network(networks, quota.NetworkId).ReservedSeats += quota.Seats;
                Network(networks, quota.NetworkId).ReservedSeatsUsed += session.ReservedSeatsUsedBy(quota.NetworkId);
            }
        }

        foreach (var session in held)
        {
            var present = session.Enrolments.Where(e => e.Attended == true).ToList();
            if (present.Count == 0)
            {
                unallocated += session.CostCents / 100m;
            }

            foreach (var trainee in present)
            {
                var share = Share(session.CostCents, 1, present.Count);
                var network = Network(networks, trainee.NetworkId);
                network.Trainees++;
                network.Hours += session.Module.DurationHours;
                network.SpentEuros += share;
                network.Companies.Add(trainee.CompanyId);
                if (!companies.TryGetValue(trainee.CompanyId, out var company))
                {
                    companies[trainee.CompanyId] = company = new CompanyAccumulator();
                }

                company.NetworkIds.Add(trainee.NetworkId);
                company.Trainees++;
                company.Hours += session.Module.DurationHours;
                company.ModuleIds.Add(session.ModuleId);
                company.SpentEuros += share;
            }
        }

        return new ProgrammeReport
        {
            BudgetCents = programme.BudgetCents,
            CommittedCents = counted.Sum(s => s.CostCents),
            SpentCents = held.Sum(s => s.CostCents),
            Trainees = held.Sum(s => s.Enrolments.Count(e => e.Attended == true)),
            TrainingHours = held.Sum(s => s.Enrolments.Count(e => e.Attended == true) * s.Module.DurationHours),
            UnallocatedSpentEuros = unallocated,
            Modules = [.. modules.Select(m => ModuleLineOf(m, counted.Where(s => s.ModuleId == m.Id).ToList()))],
            Networks = [.. networks.Select(n => new NetworkLine(n.Key, n.Value.ReservedSeats, n.Value.ReservedSeatsUsed, n.Value.Enrolled,
                n.Value.Trainees, n.Value.Companies.Count, n.Value.Hours, decimal.Round(n.Value.CommittedEuros, 2), decimal.Round(n.Value.SpentEuros, 2)))],
            Companies = [.. companies.Select(c => new CompanyLine(c.Key, [.. c.Value.NetworkIds], c.Value.Trainees, c.Value.Hours, c.Value.ModuleIds.Count, decimal.Round(c.Value.SpentEuros, 2)))],
        };
    }

    private static ModuleLine ModuleLineOf(TrainingModule module, List<TrainingSession> sessions)
    {
        var present = sessions.Where(s => s.Status == SessionStatus.Held).Sum(s => s.Enrolments.Count(e => e.Attended == true));
        return new ModuleLine(module.Id, module.Title, module.TrainingBody, module.DurationHours, sessions.Count,
            sessions.Sum(s => s.CostCents), sessions.Where(s => s.Status == SessionStatus.Held).Sum(s => s.CostCents),
            sessions.Sum(s => s.Enrolments.Count), present, present * module.DurationHours);
    }

    private static decimal Share(long cents, int part, int whole) => whole == 0 ? 0m : cents / 100m * part / whole;

    private static NetworkAccumulator Network(Dictionary<int, NetworkAccumulator> networks, int id)
    {
        if (!networks.TryGetValue(id, out var network))
        {
            networks[id] = network = new NetworkAccumulator();
        }

        return network;
    }

    private sealed class NetworkAccumulator
    {
        public int ReservedSeats { get; set; }

        public int ReservedSeatsUsed { get; set; }

        public int Enrolled { get; set; }

        public int Trainees { get; set; }

        public int Hours { get; set; }

        public decimal CommittedEuros { get; set; }

        public decimal SpentEuros { get; set; }

        public HashSet<int> Companies { get; } = [];
    }

    private sealed class CompanyAccumulator
    {
        public SortedSet<int> NetworkIds { get; } = [];

        public int Trainees { get; set; }

        public int Hours { get; set; }

        public HashSet<int> ModuleIds { get; } = [];

        public decimal SpentEuros { get; set; }
    }
}

/// <summary>A module's sessions, costs and trainees.</summary>
public sealed record ModuleLine(int ModuleId, string Title, string TrainingBody, int DurationHours, int Sessions, long CommittedCents, long SpentCents, int Enrolled, int Trainees, int TrainingHours);

/// <summary>
/// A network's part: its reserved seats and how many it filled (the fill rate), its enrolments, and
/// its share of trainees, hours and costs.
/// </summary>
public sealed record NetworkLine(int NetworkId, int ReservedSeats, int ReservedSeatsUsed, int Enrolled, int Trainees, int Companies, int TrainingHours, decimal CommittedEuros, decimal SpentEuros)
{
    /// <summary>Reserved seats filled by the network's own trainees, or <see langword="null"/> without reserved seats.</summary>
    public double? FillRate => ReservedSeats == 0 ? null : (double)ReservedSeatsUsed / ReservedSeats;
}

/// <summary>A company's trainees, hours, modules and share of the spending.</summary>
public sealed record CompanyLine(int CompanyId, IReadOnlyList<int> NetworkIds, int Trainees, int TrainingHours, int Modules, decimal SpentEuros);
