using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Platform.Host.Features.Companies;

public sealed class SuggestionsOptions
{
    /// <summary>Whether the site computes the due suggestions in the background (<see cref="SuggestionsRefresher"/>).</summary>
    public bool RefreshInBackground { get; set; } = true;
}

/// <summary>
/// Computes the companies' suggestions ahead of their views and stores them (<see cref="SuggestionsStore"/>, decision
/// 0021): those of every company with none stored, and those computed <see cref="RefreshAfter"/> ago, by batches of
/// <see cref="BatchSize"/> in the order of their ids, taking at most half of one core (it rests as long as it worked);
/// then it rests <see cref="Idle"/>. It also stores the suggestions a view had to compute (<see cref="Offer"/>). A
/// directory of 100 000 companies is computed in about ten minutes after its import (five of work, five of rest); the operators' command
/// <c>annuaire suggestions</c> does it at full speed.
/// </summary>
public sealed class SuggestionsRefresher(IServiceScopeFactory scopes, TimeProvider time, IOptions<SuggestionsOptions> options, ILogger<SuggestionsRefresher> logger)
    : BackgroundService
{
    /// <summary>How old stored suggestions may grow: a company that became a better idea of contact shows within that time.</summary>
    public static readonly TimeSpan RefreshAfter = TimeSpan.FromDays(1);

    public const int BatchSize = 32;

    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(5);

    // Not during the start-up: the first page comes first.
    private static readonly TimeSpan FirstPassAfter = TimeSpan.FromSeconds(30);

    private readonly Channel<Offered> _offered = Channel.CreateBounded<Offered>(new BoundedChannelOptions(1_024) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Suggestions a view computed, to store at the next batch (dropped when a thousand wait already).</summary>
    public void Offer(int companyId, long basis, IReadOnlyList<Suggestion> suggestions)
    {
        if (options.Value.RefreshInBackground)
        {
            _offered.Writer.TryWrite(new Offered(companyId, basis, suggestions));
        }
    }

    /// <summary>
    /// Stores what views offered, then computes and stores the suggestions of up to <see cref="BatchSize"/> companies due
    /// after <paramref name="after"/>. Returns the last company looked at, <see langword="null"/> when none is due after it.
    /// </summary>
    public async Task<int?> RefreshBatchAsync(int after, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<SuggestionsStore>();
        await StoreOfferedAsync(store, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;

        var basis = await store.BasisAsync(cancellationToken);
        var due = await store.DueAsync(after, now - RefreshAfter, BatchSize, cancellationToken);
        if (due.Count == 0)
        {
            return null;
        }

        var suggestions = scope.ServiceProvider.GetRequiredService<ComplementarySuggestions>();
        var computed = new List<(int, IReadOnlyList<Suggestion>)>(due.Count);
        foreach (var companyId in due)
        {
            computed.Add((companyId, await suggestions.ComputeAsync(companyId, ComplementarySuggestions.Shown, cancellationToken)));
        }

        // The directory changed while they were computed: the same batch again.
        return await store.SaveAsync(computed, basis, now, cancellationToken) ? due[^1] : after;
    }

    /// <summary>Every company due, at full speed (the operators' command); returns how many batches it took.</summary>
    /// <param name="afterBatch">Told the last company looked at, after each batch.</param>
    public async Task<int> RefreshAllAsync(Action<int>? afterBatch = null, CancellationToken cancellationToken = default)
    {
        var batches = 0;
        for (var after = await RefreshBatchAsync(0, cancellationToken); after is { } last; after = await RefreshBatchAsync(last, cancellationToken))
        {
            batches++;
            afterBatch?.Invoke(last);
        }

        return batches;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RefreshInBackground)
        {
            return;
        }

        var after = 0;
        var rest = Task.Delay(FirstPassAfter, time, stoppingToken);
        Task<bool>? offered = null;
        while (true)
        {
            offered ??= _offered.Reader.WaitToReadAsync(stoppingToken).AsTask();
            await Task.WhenAny(rest, offered);
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            var worked = Stopwatch.StartNew();
            var next = Idle;
            try
            {
                if (offered.IsCompleted)
                {
                    offered = null;
                    await StoreOfferedAsync(stoppingToken);
                    if (!rest.IsCompleted)
                    {
                        continue;
                    }
                }

                after = await RefreshBatchAsync(after, stoppingToken) ?? 0;
                next = after == 0 ? Idle : worked.Elapsed;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Computing the companies' suggestions failed after company {After}; trying again in {Idle}", after, Idle);
            }

            rest = Task.Delay(next, time, stoppingToken);
        }
    }

    private async Task StoreOfferedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await StoreOfferedAsync(scope.ServiceProvider.GetRequiredService<SuggestionsStore>(), cancellationToken);
    }

    private async Task StoreOfferedAsync(SuggestionsStore store, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        while (_offered.Reader.TryRead(out var offered))
        {
            await store.SaveAsync([(offered.CompanyId, offered.Suggestions)], offered.Basis, now, cancellationToken);
        }
    }

    private sealed record Offered(int CompanyId, long Basis, IReadOnlyList<Suggestion> Suggestions);
}
