using System.Collections.Concurrent;

namespace FeedWatch.Http.Fetching;

/// <summary>Caps simultaneous requests per host so one slow or busy site is never hammered by parallel polls.</summary>
internal sealed class HostConcurrencyLimiter(int perHost)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.OrdinalIgnoreCase);

    public async Task<IDisposable> EnterAsync(string host, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd(host, _ => new SemaphoreSlim(Math.Max(1, perHost)));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
