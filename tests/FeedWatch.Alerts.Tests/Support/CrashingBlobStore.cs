using FeedWatch.Core.Ports.Blobs;

namespace FeedWatch.Alerts.Tests.Support;

/// <summary>
/// Wraps a real blob store and "crashes" (throws <see cref="SimulatedCrashException"/>) once, on the first operation that
/// matches the armed rule — before that operation takes effect. Used to cut the outbox sequence between any two steps.
/// </summary>
public sealed class CrashingBlobStore(IBlobStore inner) : IBlobStore
{
    private Func<string, string, bool>? rule;

    /// <summary>Crash on the next operation ("get", "put", "delete") whose blob name matches.</summary>
    public void CrashOnce(string operation, Func<string, bool> name) => rule = (op, n) => op == operation && name(n);

    public bool Crashed { get; private set; }

    private void Maybe(string operation, string name)
    {
        if (rule is { } armed && armed(operation, name))
        {
            rule = null;
            Crashed = true;
            throw new SimulatedCrashException($"crash before {operation} {name}");
        }
    }

    public Task<BlobContent?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        Maybe("get", name);
        return inner.GetAsync(name, cancellationToken);
    }

    public Task<BlobPutResult> PutAsync(string name, ReadOnlyMemory<byte> content, BlobPutOptions options, CancellationToken cancellationToken = default)
    {
        Maybe("put", name);
        return inner.PutAsync(name, content, options, cancellationToken);
    }

    public IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        Maybe("delete", name);
        return inner.DeleteAsync(name, ifMatch, cancellationToken);
    }
}
