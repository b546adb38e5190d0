using FeedWatch.Core.Ports.Blobs;

namespace FeedWatch.Azure.Tests.Concurrency;

/// <summary>
/// A blob store decorator for race tests: counts conditional writes refused with a failed condition (412 on Azure),
/// and can hold this writer's next If-Match write until a test lets it go, so another writer gets in between its
/// read and its write — the interleaving that makes a compare-and-swap fail, made deterministic.
/// </summary>
internal sealed class InterleavingBlobStore(IBlobStore inner) : IBlobStore
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _holdNextIfMatch;
    private readonly TaskCompletionSource _heldWriteArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _conditionFailures;
    private int _ifMatchWrites;

    public int ConditionFailures => Volatile.Read(ref _conditionFailures);

    public int IfMatchWrites => Volatile.Read(ref _ifMatchWrites);

    /// <summary>The next If-Match write (once) waits for <see cref="Release"/>; <see cref="HeldWriteArrived"/> completes when it starts waiting.</summary>
    public void HoldNextIfMatchWrite()
    {
        Volatile.Write(ref _holdNextIfMatch, 1);
    }

    public Task HeldWriteArrived => _heldWriteArrived.Task;

    public void Release() => _release.TrySetResult();

    public Task<BlobContent?> GetAsync(string name, CancellationToken cancellationToken = default) => inner.GetAsync(name, cancellationToken);

    public async Task<BlobPutResult> PutAsync(string name, ReadOnlyMemory<byte> content, BlobPutOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IfMatch is not null)
        {
            Interlocked.Increment(ref _ifMatchWrites);
            if (Interlocked.Exchange(ref _holdNextIfMatch, 0) == 1)
            {
                _heldWriteArrived.TrySetResult();
                await _release.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        var result = await inner.PutAsync(name, content, options, cancellationToken).ConfigureAwait(false);
        if (!result.Written)
        {
            Interlocked.Increment(ref _conditionFailures);
        }

        return result;
    }

    public IAsyncEnumerable<BlobInfo> ListAsync(string prefix, CancellationToken cancellationToken = default) => inner.ListAsync(prefix, cancellationToken);

    public Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default) => inner.DeleteAsync(name, ifMatch, cancellationToken);
}
