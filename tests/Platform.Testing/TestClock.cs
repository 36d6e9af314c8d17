using Microsoft.Extensions.Time.Testing;

namespace Platform.Testing;

/// <summary>
/// A fake clock the tests move by hand, whose short timers run on the real clock: the host's Polly
/// pipelines take their retry back-off from the DI <see cref="TimeProvider"/>, and a busy-database retry
/// must not wait for a test to move time. Tests move the clock by minutes or hours, never less.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private static readonly TimeSpan RealBelow = TimeSpan.FromSeconds(5);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        dueTime < RealBelow && dueTime != Timeout.InfiniteTimeSpan
            ? System.CreateTimer(callback, state, dueTime, period)
            : base.CreateTimer(callback, state, dueTime, period);
}
