using System.Runtime.CompilerServices;
using FeedWatch.Core.Ports.Blobs;

namespace FeedWatch.Core.Tests.Pipeline.Fakes;

/// <summary>Just enough of the blob contract for handler tests: ETags, create-only and If-Match writes, prefix listing.</summary>
public sealed class InMemoryBlobStore : IBlobStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, BlobContent> _blobs = new(StringComparer.Ordinal);
    private long _version;

    /// <summary>Runs once before the next conditional (If-Match) write of a blob with this name: simulates a concurrent writer.</summary>
    public Dictionary<string, Func<Task>> BeforeNextConditionalWrite { get; } = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names
    {
        get
        {
            lock (_lock)
            {
                return _blobs.Keys.ToList();
            }
        }
    }

    public int ConditionFailures { get; private set; }

    public Task<BlobContent?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_blobs.GetValueOrDefault(name));
        }
    }

    public async Task<BlobPutResult> PutAsync(string name, ReadOnlyMemory<byte> content, BlobPutOptions options, CancellationToken cancellationToken = default)
    {
        if (options.IfMatch is not null && BeforeNextConditionalWrite.Remove(name, out var interfere))
        {
            await interfere();
        }

        lock (_lock)
        {
            var exists = _blobs.TryGetValue(name, out var current);
            if ((options.CreateOnly && exists) || (options.IfMatch is not null && (!exists || current!.Info.ETag != options.IfMatch)))
            {
                ConditionFailures++;
                return BlobPutResult.ConditionFailed;
            }

            var etag = "\"" + Interlocked.Increment(ref _version) + "\"";
            var info = new BlobInfo(name, etag, content.Length, options.ContentType, DateTimeOffset.UtcNow, options.Metadata);
            _blobs[name] = new BlobContent(info, content.ToArray());
            return new BlobPutResult(true, etag);
        }
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<BlobInfo> infos;
        lock (_lock)
        {
            infos = _blobs.Where(b => b.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(b => b.Value.Info).ToList();
        }

        foreach (var info in infos)
        {
            await Task.Yield();
            yield return info;
        }
    }

    public Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_blobs.TryGetValue(name, out var current) || (ifMatch is not null && current.Info.ETag != ifMatch))
            {
                return Task.FromResult(false);
            }

            return Task.FromResult(_blobs.Remove(name));
        }
    }
}
