using FeedWatch.Core.Pipeline.Blobs;
using FeedWatch.Core.Ports.Blobs;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Pipeline.Classification;

/// <summary>
/// The single-active-classifier lease, kept in one blob (leases/classify.json) with compare-and-swap, so it works the
/// same on the embedded folder store and on Azure Blob Storage. One host at a time holds it and classifies; the others
/// stand by and take it over once it expires (the holder died or stopped) or is released (a clean stop). The holder
/// renews it whenever less than two thirds of its duration is left. A host that takes the lease over while someone
/// else held it since its own last turn reloads the story index first, so it classifies against every story the
/// previous holder created or changed: N hosts decide exactly as one host would.
/// </summary>
public sealed class ClassifierLease(IBlobStore blobs, StoryIndex index, PipelineOptions options, TimeProvider time, ILogger<ClassifierLease> logger)
{
    public const string BlobName = "leases/classify.json";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private StoredDocument<ClassifierLeaseDocument>? _held;
    private long _lastHeldEpoch = -1;

    /// <summary>Who this host is in the lease blob: machine, process and a random suffix (a restarted process is a new holder).</summary>
    public string HolderId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>True while this host holds the lease with at least a safety margin of its duration left.</summary>
    public bool IsHeld => _held is { } held && time.GetUtcNow() < held.Value.ExpiresAt - SafetyMargin;

    private TimeSpan Duration => options.ClassifierLeaseDuration;

    // A holder stops classifying a third of the duration before its lease runs out, so clocks that differ by less than
    // that never let two hosts classify at once.
    private TimeSpan SafetyMargin => Duration / 3;

    /// <summary>
    /// Holds the lease if possible: renews it when held and due, takes it when free or expired. True when this host is
    /// the active classifier now (and its story index is up to date with every earlier holder's work).
    /// </summary>
    public async Task<bool> TryHoldAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = time.GetUtcNow();
            if (_held is { } held && held.Value.ExpiresAt - now > Duration * 2 / 3)
            {
                return true;
            }

            var current = await blobs.GetJsonAsync<ClassifierLeaseDocument>(BlobName, cancellationToken).ConfigureAwait(false);
            now = time.GetUtcNow();
            if (current is not null && current.Value.Holder != HolderId && now < current.Value.ExpiresAt)
            {
                Lose(current.Value.Holder);
                return false;
            }

            var renewing = current is not null && current.Value.Holder == HolderId && _held is not null && current.Value.Epoch == _held.Value.Epoch;
            var epoch = renewing ? current!.Value.Epoch : (current?.Value.Epoch ?? 0) + 1;
            var next = new ClassifierLeaseDocument
            {
                Holder = HolderId,
                Epoch = epoch,
                AcquiredAt = renewing ? current!.Value.AcquiredAt : now,
                ExpiresAt = now + Duration,
            };
            var written = await blobs.PutJsonAsync(BlobName, next, createOnly: current is null, ifMatch: current?.ETag, cancellationToken).ConfigureAwait(false);
            if (!written.Written)
            {
                // Another host wrote the lease between our read and write: it won this round.
                Lose(null);
                return false;
            }

            if (!renewing)
            {
                // Someone else may have classified since this host's last turn (or this is its first): catch up before matching.
                var previousEpoch = current?.Value.Epoch ?? 0;
                if (previousEpoch != _lastHeldEpoch)
                {
                    await index.EnsureFreshAsync(cancellationToken, force: true).ConfigureAwait(false);
                }

                logger.LogInformation("Classifier lease taken (epoch {Epoch}, previous holder {PreviousHolder}); this host is the active classifier",
                    epoch, current?.Value.Holder ?? "none");
            }

            _held = new StoredDocument<ClassifierLeaseDocument>(next, written.ETag ?? "");
            _lastHeldEpoch = epoch;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Gives the lease up at once (a clean stop), so a standing-by host takes over without waiting for it to expire.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_held is not { } held)
            {
                return;
            }

            _held = null;
            var released = held.Value with { ExpiresAt = time.GetUtcNow() };
            var written = await blobs.PutJsonAsync(BlobName, released, createOnly: false, ifMatch: held.ETag, cancellationToken).ConfigureAwait(false);
            if (written.Written)
            {
                logger.LogInformation("Classifier lease released (epoch {Epoch})", held.Value.Epoch);
            }
            else
            {
                logger.LogInformation("Classifier lease (epoch {Epoch}) had already passed to another host", held.Value.Epoch);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Lose(string? holder)
    {
        if (_held is not null)
        {
            logger.LogWarning("Classifier lease lost to {Holder}; this host stands by", holder ?? "another host");
            _held = null;
        }
    }
}
