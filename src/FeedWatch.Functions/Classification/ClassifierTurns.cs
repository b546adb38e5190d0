using FeedWatch.Core.Pipeline;
using FeedWatch.Core.Pipeline.Classification;

namespace FeedWatch.Functions.Classification;

/// <summary>
/// Classify invocations on a Functions instance run one at a time and only while this instance holds the
/// <see cref="ClassifierLease"/>: an invocation waits for its turn (bounded; then it fails and the host retries the
/// message). The instance keeps the lease while invocations keep coming and releases it when none is left, or once
/// its turn has lasted a lease duration, so every instance gets its turn. Taking the lease over reloads the story
/// index first (see <see cref="ClassifierLease.TryHoldAsync"/>).
/// </summary>
public sealed class ClassifierTurns(ClassifierLease lease, PipelineOptions options, TimeProvider time)
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private readonly SemaphoreSlim _one = new(1, 1);
    private int _pending;
    private DateTimeOffset? _turnStarted;

    /// <summary>How long an invocation waits for the lease before it fails (and the host retries its message later).</summary>
    public TimeSpan MaxWait => options.ClassifierLeaseDuration * 4;

    public async Task RunAsync(Func<Task> classify, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(classify);
        Interlocked.Increment(ref _pending);
        var entered = false;
        try
        {
            await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
            entered = true;
            var giveUpAt = time.GetUtcNow() + MaxWait;
            while (!await lease.TryHoldAsync(cancellationToken).ConfigureAwait(false))
            {
                _turnStarted = null;
                if (time.GetUtcNow() >= giveUpAt)
                {
                    throw new TimeoutException($"Another instance stayed the active classifier for {MaxWait.TotalSeconds:0} s; the message is retried.");
                }

                await Task.Delay(RetryDelay, time, cancellationToken).ConfigureAwait(false);
            }

            _turnStarted ??= time.GetUtcNow();
            await classify().ConfigureAwait(false);
        }
        finally
        {
            var last = Interlocked.Decrement(ref _pending) == 0;
            if (entered)
            {
                try
                {
                    if (last || time.GetUtcNow() - _turnStarted >= options.ClassifierLeaseDuration)
                    {
                        _turnStarted = null;
                        await lease.ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
                    }
                }
                finally
                {
                    _one.Release();
                }
            }
        }
    }
}
