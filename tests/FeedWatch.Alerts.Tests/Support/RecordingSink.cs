using System.Collections.Concurrent;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Digests;

namespace FeedWatch.Alerts.Tests.Support;

/// <summary>Records the ids it receives; fails while <see cref="FailuresLeft"/> is positive (negative: always).</summary>
public sealed class RecordingSink(string name) : IAlertSink
{
    public string Name => name;

    public ConcurrentQueue<string> Received { get; } = new();

    public ConcurrentQueue<AlertDigest> Digests { get; } = new();

    private int calls;

    public int Calls => Volatile.Read(ref calls);

    public int FailuresLeft { get; set; }

    public Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default)
    {
        Fail();
        Received.Enqueue(alert.Id);
        return Task.CompletedTask;
    }

    public Task DeliverDigestAsync(AlertDigest digest, CancellationToken cancellationToken = default)
    {
        Fail();
        Received.Enqueue(digest.Id);
        Digests.Enqueue(digest);
        return Task.CompletedTask;
    }

    private void Fail()
    {
        Interlocked.Increment(ref calls);
        if (FailuresLeft == 0) return;
        if (FailuresLeft > 0) FailuresLeft--;
        throw new InvalidOperationException($"{name} is down");
    }
}
