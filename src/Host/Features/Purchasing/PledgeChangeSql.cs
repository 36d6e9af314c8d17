using Microsoft.Data.Sqlite;
using Platform.Abstractions.Purchasing;
using Platform.Host.Data;

namespace Platform.Host.Features.Purchasing;

/// <summary>
/// A pledge change's reads and writes, in SQL run on statements prepared once on the write gate's connection
/// (<see cref="WriterCommands"/>). Every writer of the process waits behind the gate: through EF, the pledge
/// post's statements were compiled again on each post and <c>SaveChanges</c> built its batch anew, most of the
/// gate's time (bench/README.md, « Pledges »). The rules stay on <see cref="PurchasingQueue"/>; this reads
/// what they need and writes what they changed. The tables and columns are <see cref="PurchasingQueueConfiguration"/>'s;
/// <c>PledgeChangeSqlTests</c> fails when a mapped column is left out.
/// </summary>
internal static class PledgeChangeSql
{
    // The queue's row, the company's invitation (a membership in an invited network), the replay check and the
    // accepted total of the other companies, in one statement.
    internal const string Target = """
        SELECT q."Title", q."Category", q."Description", q."Unit", q."MinimumQuantity", q."Capacity", q."OpensAtUtc",
               q."DeadlineUtc", q."OrganizerNetworkId", q."CreatedByUserId", q."CreatedAtUtc", q."Status", q."ClosedAtUtc",
               q."ClosedQuantity", q."FinalUnitPrice", q."NextSequence",
               EXISTS (SELECT 1 FROM "CompanyMemberships" AS m
                       JOIN "PurchasingQueueNetworks" AS n ON n."NetworkId" = m."NetworkId" AND n."QueueId" = $queue
                       WHERE m."CompanyId" = $company),
               EXISTS (SELECT 1 FROM "PurchasingRequests" AS r WHERE r."QueueId" = $queue AND r."Key" = $key),
               (SELECT COALESCE(SUM(p."Quantity"), 0) FROM "PurchasingPledges" AS p
                WHERE p."QueueId" = $queue AND p."CompanyId" <> $company AND p."Status" = 1)
        FROM "PurchasingQueues" AS q
        WHERE q."Id" = $queue
        """;

    // The pledges the rules need (PurchasingQueue.LoadedForPledgeChange): the company's and the waiting ones (2).
    internal const string Pledges = """
        SELECT "Id", "CompanyId", "Quantity", "Status", "Sequence", "CreatedAtUtc", "UpdatedAtUtc", "UpdatedByUserId"
        FROM "PurchasingPledges"
        WHERE "QueueId" = $queue AND ("CompanyId" = $company OR "Status" = 2)
        """;

    internal const string UpdateNextSequence = """
        UPDATE "PurchasingQueues" SET "NextSequence" = $next WHERE "Id" = $queue
        """;

    internal const string InsertPledge = """
        INSERT INTO "PurchasingPledges" ("QueueId", "CompanyId", "Quantity", "Status", "Sequence", "CreatedAtUtc", "UpdatedAtUtc", "UpdatedByUserId")
        VALUES ($queue, $company, $quantity, $status, $sequence, $created, $updated, $user)
        RETURNING "Id"
        """;

    internal const string UpdatePledge = """
        UPDATE "PurchasingPledges"
        SET "Quantity" = $quantity, "Status" = $status, "Sequence" = $sequence, "UpdatedAtUtc" = $updated, "UpdatedByUserId" = $user
        WHERE "Id" = $id
        """;

    internal const string InsertHistory = """
        INSERT INTO "PurchasingHistory" ("QueueId", "AtUtc", "Kind", "CompanyId", "Quantity", "Note")
        VALUES ($queue, $at, $kind, $company, $quantity, $note)
        """;

    internal const string InsertRequest = """
        INSERT INTO "PurchasingRequests" ("QueueId", "Key", "CompanyId", "AtUtc") VALUES ($queue, $key, $company, $at)
        """;

    /// <summary>The queue, with what decides whether the change applies; <see langword="null"/> when there is no such queue.</summary>
    public static async Task<PledgeTarget?> FindTargetAsync(PlatformDbContext context, int queueId, int companyId, string key, CancellationToken cancellationToken)
    {
        var command = context.Database.Command(Target, "$queue", "$company", "$key").With(queueId, companyId, key);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var queue = new PurchasingQueue
        {
            Id = queueId,
            Title = reader.GetString(0),
            Category = (PurchaseCategory)reader.GetInt32(1),
            Description = NullableString(reader, 2),
            Unit = reader.GetString(3),
            MinimumQuantity = reader.GetInt32(4),
            Capacity = reader.IsDBNull(5) ? null : reader.GetInt32(5),
            OpensAtUtc = reader.GetDateTime(6),
            DeadlineUtc = reader.GetDateTime(7),
            OrganizerNetworkId = reader.GetInt32(8),
            CreatedByUserId = NullableString(reader, 9),
            CreatedAtUtc = reader.GetDateTime(10),
            Status = (PurchasingQueueStatus)reader.GetInt32(11),
            ClosedAtUtc = reader.IsDBNull(12) ? null : reader.GetDateTime(12),
            ClosedQuantity = reader.IsDBNull(13) ? null : reader.GetInt64(13),
            FinalUnitPrice = reader.IsDBNull(14) ? null : reader.GetDecimal(14),
            NextSequence = reader.GetInt64(15),
        };
        return new PledgeTarget(queue, Invited: reader.GetBoolean(16), Replayed: reader.GetBoolean(17), AcceptedOfOthers: reader.GetInt64(18));
    }

    /// <summary>
    /// Loads into <c>queue.Pledges</c> the pledges a change of <paramref name="companyId"/>'s needs, and remembers
    /// them as read, for <see cref="SaveAsync"/>.
    /// </summary>
    public static async Task<LoadedPledges> LoadPledgesAsync(PlatformDbContext context, PurchasingQueue queue, int companyId, CancellationToken cancellationToken)
    {
        var loaded = new LoadedPledges(queue.NextSequence);
        var command = context.Database.Command(Pledges, "$queue", "$company").With(queue.Id, companyId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var pledge = new Pledge
            {
                Id = reader.GetInt64(0),
                QueueId = queue.Id,
                CompanyId = reader.GetInt32(1),
                Quantity = reader.GetInt32(2),
                Status = (PledgeStatus)reader.GetInt32(3),
                Sequence = reader.GetInt64(4),
                CreatedAtUtc = reader.GetDateTime(5),
                UpdatedAtUtc = reader.GetDateTime(6),
                UpdatedByUserId = NullableString(reader, 7),
            };
            queue.Pledges.Add(pledge);
            loaded.Add(pledge);
        }

        return loaded;
    }

    /// <summary>Writes what the change did to the queue: its next arrival number, the pledges it made or changed, its history lines, and the request.</summary>
    public static async Task SaveAsync(PlatformDbContext context, PurchasingQueue queue, LoadedPledges loaded, PledgeRequest request, CancellationToken cancellationToken)
    {
        var database = context.Database;
        if (queue.NextSequence != loaded.NextSequence)
        {
            await database.Command(UpdateNextSequence, "$next", "$queue").With(queue.NextSequence, queue.Id).ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var pledge in queue.Pledges)
        {
            if (pledge.Id == 0)
            {
                var insert = database.Command(InsertPledge, "$queue", "$company", "$quantity", "$status", "$sequence", "$created", "$updated", "$user")
                    .With(queue.Id, pledge.CompanyId, pledge.Quantity, (int)pledge.Status, pledge.Sequence, pledge.CreatedAtUtc, pledge.UpdatedAtUtc, pledge.UpdatedByUserId);
                pledge.QueueId = queue.Id;
                pledge.Id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
            }
            else if (loaded.Changed(pledge))
            {
                await database.Command(UpdatePledge, "$quantity", "$status", "$sequence", "$updated", "$user", "$id")
                    .With(pledge.Quantity, (int)pledge.Status, pledge.Sequence, pledge.UpdatedAtUtc, pledge.UpdatedByUserId, pledge.Id)
                    .ExecuteNonQueryAsync(cancellationToken);
            }
        }

        foreach (var line in queue.History)
        {
            await database.Command(InsertHistory, "$queue", "$at", "$kind", "$company", "$quantity", "$note")
                .With(queue.Id, line.AtUtc, (int)line.Kind, line.CompanyId, line.Quantity, line.Note)
                .ExecuteNonQueryAsync(cancellationToken);
        }

        await database.Command(InsertRequest, "$queue", "$key", "$company", "$at")
            .With(request.QueueId, request.Key, request.CompanyId, request.AtUtc)
            .ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

/// <summary>A queue as a pledge change needs it, with what decides whether the change applies.</summary>
internal sealed record PledgeTarget(PurchasingQueue Queue, bool Invited, bool Replayed, long AcceptedOfOthers);

/// <summary>The pledges a change loaded, as they were read: what <see cref="PledgeChangeSql.SaveAsync"/> compares to.</summary>
internal sealed class LoadedPledges(long nextSequence)
{
    private readonly Dictionary<Pledge, (int Quantity, PledgeStatus Status, long Sequence, DateTime UpdatedAtUtc, string? UpdatedByUserId)> _read = [];

    public long NextSequence { get; } = nextSequence;

    public void Add(Pledge pledge) => _read.Add(pledge, State(pledge));

    public bool Changed(Pledge pledge) => !_read.TryGetValue(pledge, out var read) || read != State(pledge);

    private static (int, PledgeStatus, long, DateTime, string?) State(Pledge pledge) =>
        (pledge.Quantity, pledge.Status, pledge.Sequence, pledge.UpdatedAtUtc, pledge.UpdatedByUserId);
}
