using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Platform.Host.Resilience;
using Platform.Host.Tests.Support;
using Polly.CircuitBreaker;

namespace Platform.Host.Tests.Plugins;

public sealed class PluginCircuitBreakersTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly PluginCircuitBreakers _breakers;

    public PluginCircuitBreakersTests()
    {
        _loggers = LoggerFactory.Create(b => b.AddProvider(_logs));
        _breakers = new PluginCircuitBreakers(_time, _loggers.CreateLogger<PluginCircuitBreakers>());
    }

    public void Dispose() => _loggers.Dispose();

    [Fact]
    public async Task Run_GivesBackNothingWhenTheWorkSucceeds_AndItsExceptionWhenItThrows()
    {
        var counter = new Counter();
        Assert.Null(await _breakers.RunAsync("Notes", "adebag", CountAsync, counter, CancellationToken.None));
        Assert.Equal(1, counter.Value);

        var failure = await FailAsync("Notes", "adebag");
        Assert.Equal("boom", Assert.IsType<InvalidOperationException>(failure).Message);

        // Thrown before the work returns its task: given back too.
        failure = await _breakers.RunAsync<int>("Notes", "adebag", static _ => throw new FormatException("tôt"), 0, CancellationToken.None);
        Assert.IsType<FormatException>(failure);
    }

    [Fact]
    public async Task FiveFailuresIn30Seconds_OpenTheCircuitOfThatPluginInThatScopeOnly_ForThirtySeconds()
    {
        var counter = new Counter();
        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<InvalidOperationException>(await FailAsync("Notes", "adebag"));
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        // Open: the work does not run at all.
        Assert.IsType<BrokenCircuitException>(await _breakers.RunAsync("Notes", "adebag", CountAsync, counter, CancellationToken.None));
        Assert.IsType<BrokenCircuitException>(await _breakers.RunAsync("NOTES", "adebag", CountAsync, counter, CancellationToken.None));
        Assert.Equal(0, counter.Value);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Circuit of plugin Notes in adebag opened", StringComparison.Ordinal));

        // The same plugin in another network, and another plugin in this one, keep running.
        Assert.Null(await _breakers.RunAsync("Notes", "demain", CountAsync, counter, CancellationToken.None));
        Assert.Null(await _breakers.RunAsync("Formation", "adebag", CountAsync, counter, CancellationToken.None));
        Assert.Equal(2, counter.Value);

        // After its 30 s, a trial call goes through; it succeeds, and the circuit is closed again.
        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(await _breakers.RunAsync("Notes", "adebag", CountAsync, counter, CancellationToken.None));
        Assert.Null(await _breakers.RunAsync("Notes", "adebag", CountAsync, counter, CancellationToken.None));
        Assert.Equal(4, counter.Value);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("Circuit of plugin Notes in adebag closed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailuresAmongMoreSuccesses_LeaveTheCircuitClosed()
    {
        var counter = new Counter();
        for (var i = 0; i < 5; i++)
        {
            Assert.IsType<InvalidOperationException>(await FailAsync("Notes", "adebag"));
            for (var j = 0; j < 2; j++)
            {
                Assert.Null(await _breakers.RunAsync("Notes", "adebag", CountAsync, counter, CancellationToken.None));
            }
        }

        // Five failures in fifteen calls: a third, under the half it takes.
        Assert.Null(await _breakers.RunAsync("Notes", "adebag", CountAsync, counter, CancellationToken.None));
        Assert.Equal(11, counter.Value);
    }

    private ValueTask<Exception?> FailAsync(string pluginId, string scope) =>
        _breakers.RunAsync(pluginId, scope, static _ => Task.FromException(new InvalidOperationException("boom")), 0, CancellationToken.None);

    private static Task CountAsync(Counter counter)
    {
        counter.Value++;
        return Task.CompletedTask;
    }

    private sealed class Counter
    {
        public int Value { get; set; }
    }
}
