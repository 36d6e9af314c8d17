using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Abstractions.Directory;
using Platform.Abstractions.Events;
using Platform.Abstractions.Export;
using Platform.Host.Data;

namespace Platform.Host.Features.Companies;

/// <summary>A line of an import file, checked: the profile, its line number, and whether its SIREN is already in the directory.</summary>
public sealed record ImportLine(int LineNumber, CompanyProfile Profile, bool Existing, bool AlreadyMember);

/// <summary>What an import file would do, or why it cannot be imported (French messages with line numbers).</summary>
public sealed record ImportPreview(IReadOnlyList<ImportLine> Lines, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0 && Lines.Count > 0;
}

/// <summary>
/// CSV import and export of a network's members, in the shape Excel (fr) opens and saves: UTF-8 with a
/// BOM, « ; » between fields, French headers. An import is all or nothing: one error anywhere and no line
/// is imported. Companies are de-duplicated by SIREN: a company already in the directory is added to the
/// network and its profile is left as it is.
/// </summary>
public sealed class CompanyCsv(PlatformDbContext db, DatabaseWriter writer, TimeProvider time, IDomainEventPublisher events)
{
    public const int MaxLines = 20_000;

    private static readonly string[] Headers =
    [
        "Raison sociale", "SIREN", "SIRET", "Code NAF", "Libellé NAF", "Commune", "Code postal", "Effectif", "Description",
        "Savoir-faire", "Besoins", "Site web", "Contact", "E-mail", "Téléphone", "Adhérent depuis", "Rôle",
    ];

    public async Task<byte[]> ExportAsync(int networkId, CancellationToken cancellationToken = default)
    {
        var rows = await db.CompanyMemberships.AsNoTracking().Where(m => m.NetworkId == networkId)
            .OrderBy(m => m.Company!.Name)
            .Select(m => new { m.Company, m.Since, m.Role })
            .ToListAsync(cancellationToken);
        var text = new StringBuilder();
        text.AppendJoin(';', Headers.Select(ExcelCsv.Cell)).Append("\r\n");
        foreach (var row in rows)
        {
            var c = row.Company!;
            string?[] fields =
            [
                c.Name, c.Siren, c.Siret, c.NafCode, c.NafLabel, c.Commune, c.PostalCode, c.Headcount?.ToString(CultureInfo.InvariantCulture),
                c.Description, c.Skills, c.Needs, c.Website, c.ContactName, c.ContactEmail, c.ContactPhone,
                row.Since?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), row.Role,
            ];
            text.AppendJoin(';', fields.Select(ExcelCsv.Cell)).Append("\r\n");
        }

        return ExcelCsv.Encode(text);
    }

    /// <summary>Reads and checks the file without changing anything.</summary>
    public async Task<ImportPreview> PreviewAsync(int networkId, string content, CancellationToken cancellationToken = default)
    {
        var (lines, errors) = Parse(content);
        if (errors.Count > 0 || lines.Count == 0)
        {
            return new ImportPreview([], lines.Count == 0 && errors.Count == 0 ? ["Le fichier ne contient aucune ligne d'entreprise."] : errors);
        }

        var sirens = lines.Select(l => l.Profile.SirenNormalized!).ToList();
        var existing = await db.Companies.AsNoTracking().Where(c => c.Siren != null && sirens.Contains(c.Siren))
            .Select(c => new { c.Siren, Member = c.Memberships.Any(m => m.NetworkId == networkId) })
            .ToDictionaryAsync(c => c.Siren!, c => c.Member, cancellationToken);
        return new ImportPreview(
            lines.Select(l => l with { Existing = existing.ContainsKey(l.Profile.SirenNormalized!), AlreadyMember = existing.GetValueOrDefault(l.Profile.SirenNormalized!) }).ToList(),
            []);
    }

    /// <summary>Imports the whole file in one transaction, or nothing. Returns the errors, empty on success.</summary>
    public async Task<(IReadOnlyList<string> Errors, int Created, int Added)> ImportAsync(int networkId, string content, CancellationToken cancellationToken = default)
    {
        var (lines, errors) = Parse(content);
        if (errors.Count > 0 || lines.Count == 0)
        {
            return (errors.Count > 0 ? errors : ["Le fichier ne contient aucune ligne d'entreprise."], 0, 0);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var joined = new List<Company>();
        var result = await writer.ExecuteAsync(async (db, token) =>
        {
            joined.Clear();
            var sirens = lines.Select(l => l.Profile.SirenNormalized!).ToList();
            var existing = await db.Companies.Include(c => c.Memberships).Where(c => c.Siren != null && sirens.Contains(c.Siren)).ToDictionaryAsync(c => c.Siren!, token);
            int created = 0, added = 0;
            foreach (var line in lines)
            {
                if (!existing.TryGetValue(line.Profile.SirenNormalized!, out var company))
                {
                    company = new Company { Name = line.Profile.Name };
                    company.Apply(line.Profile, now);
                    db.Companies.Add(company);
                    created++;
                }

                if (company.Memberships.All(m => m.NetworkId != networkId))
                {
                    company.Memberships.Add(new CompanyMembership { NetworkId = networkId, Role = "membre", Since = DateOnly.FromDateTime(now) });
                    joined.Add(company);
                    added++;
                }
            }

            await db.SaveChangesAsync(token);
            return ((IReadOnlyList<string>)[], created, added);
        }, cancellationToken);

        // After the commit, never inside the (retryable) transaction.
        foreach (var company in joined)
        {
            await events.PublishAsync(new CompanyJoinedNetwork(company.Id, networkId, now), cancellationToken);
        }

        return result;
    }

    /// <summary>Parses and validates every line; the errors name their line (the header is line 1).</summary>
    public static (List<ImportLine> Lines, List<string> Errors) Parse(string content)
    {
        var errors = new List<string>();
        var lines = new List<ImportLine>();
        var records = ReadRecords(content.TrimStart('\uFEFF'));
        if (records.Count == 0)
        {
            return (lines, ["Le fichier est vide."]);
        }

        var header = records[0].Fields.Select(Key).ToList();
        var columns = Headers.ToDictionary(h => h, h => header.IndexOf(Key(h)));
        if (columns["Raison sociale"] < 0 || columns["SIREN"] < 0)
        {
            return (lines, ["Ligne 1 : l'en-tête doit contenir au moins les colonnes « Raison sociale » et « SIREN » (séparées par des points-virgules)."]);
        }

        if (records.Count - 1 > MaxLines)
        {
            return (lines, [$"Le fichier compte {records.Count - 1} lignes : l'import est limité à {MaxLines} lignes par fichier."]);
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (number, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            string? Get(string column) => columns[column] is >= 0 and var i && i < fields.Count && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i].Trim() : null;
            var lineErrors = new List<string>();
            int? headcount = null;
            if (Get("Effectif") is { } headcountText)
            {
                if (int.TryParse(headcountText.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var h))
                {
                    headcount = h;
                }
                else
                {
                    lineErrors.Add($"l'effectif « {headcountText} » n'est pas un nombre entier de salariés");
                }
            }

            var profile = new CompanyProfile
            {
                Name = Get("Raison sociale") ?? "", Siren = Get("SIREN"), Siret = Get("SIRET"), NafCode = Get("Code NAF"), Commune = Get("Commune"),
                PostalCode = Get("Code postal"), Headcount = headcount, Description = Get("Description"), Skills = Get("Savoir-faire"),
                Needs = Get("Besoins"), Website = Get("Site web"), ContactName = Get("Contact"), ContactEmail = Get("E-mail"), ContactPhone = Get("Téléphone"),
            };
            lineErrors.AddRange(profile.Validate().Values.Select(LowerFirst));
            if (profile.SirenNormalized is null)
            {
                lineErrors.Add("le SIREN est obligatoire pour l'import : il évite les doublons");
            }
            else if (lineErrors.Count == 0 && seen.TryGetValue(profile.SirenNormalized, out var previous))
            {
                lineErrors.Add($"le SIREN {profile.SirenNormalized} figure déjà ligne {previous}");
            }

            if (lineErrors.Count > 0)
            {
                errors.Add($"Ligne {number} : {string.Join(" ; ", lineErrors.Select(e => e.TrimEnd('.')))}.");
                continue;
            }

            seen[profile.SirenNormalized!] = number;
            lines.Add(new ImportLine(number, profile, false, false));
        }

        return (lines, errors);
    }

    private static string LowerFirst(string s) => s.Length == 0 ? s : char.ToLower(s[0], CultureInfo.GetCultureInfo("fr-FR")) + s[1..];

    private static string Key(string header) => string.Concat(FullTextIndex.Words(header));


    /// <summary>RFC 4180 records with « ; » (or « , » when the header has no « ; »), quotes and line breaks inside quotes.</summary>
    private static List<(int Line, List<string> Fields)> ReadRecords(string content)
    {
        var firstLine = content.Split('\n', 2)[0];
        var separator = firstLine.Contains(';', StringComparison.Ordinal) ? ';' : firstLine.Contains('\t', StringComparison.Ordinal) ? '\t' : ',';
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var line = 1;
        var recordLine = 1;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    inQuotes = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < content.Length && content[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add((recordLine, fields));
                fields = [];
                line++;
                recordLine = line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        return records;
    }
}
