namespace Platform.Host.Features.Purchasing;

/// <summary>
/// Closes queues at their deadline, by itself: every <see cref="Interval"/> on the platform's
/// <see cref="TimeProvider"/> (a fake clock in tests), it runs <see cref="PurchasingService.CloseDueQueuesAsync"/>.
/// Pledges never wait for it: after the deadline they are refused whether or not it has run.
/// </summary>
internal sealed class PurchasingClosingService(IServiceScopeFactory scopes, TimeProvider time, ILogger<PurchasingClosingService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var closed = await scope.ServiceProvider.GetRequiredService<PurchasingService>().CloseDueQueuesAsync(stoppingToken);
                if (closed > 0)
                {
                    logger.LogInformation("Closed {Count} purchasing queue(s) at their deadline", closed);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "Closing purchasing queues failed; retrying at the next tick");
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
