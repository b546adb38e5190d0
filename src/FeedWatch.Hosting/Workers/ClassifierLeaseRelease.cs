using FeedWatch.Core.Pipeline.Classification;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Hosting.Workers;

/// <summary>
/// Gives the classifier lease up when the host stops cleanly (after the classify worker has finished its messages),
/// so a standing-by host takes over at once instead of after the lease expires.
/// </summary>
internal sealed class ClassifierLeaseRelease(ClassifierLease lease, ILogger<ClassifierLeaseRelease> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await lease.ReleaseAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The lease then simply expires; a standing-by host takes over a little later.
            logger.LogWarning(ex, "Could not release the classifier lease; it expires on its own");
        }
    }
}
