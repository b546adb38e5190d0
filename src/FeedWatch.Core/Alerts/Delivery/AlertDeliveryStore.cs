using System.Runtime.CompilerServices;
using System.Text.Json;
using FeedWatch.Core.Alerts.Noise;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Serialization;

namespace FeedWatch.Core.Alerts.Delivery;

/// <summary>
/// Delivery bookkeeping in the blob store, browsable by a person:
/// alerts-delivery/sent/{id}/{sink}.json (receipts), alerts-delivery/parked/{id}/{sink}.json (failed deliveries)
/// and alerts-delivery/stories/{storyId}.json (noise-control state, updated with If-Match).
/// </summary>
public sealed class AlertDeliveryStore(IBlobStore blobs)
{
    public const string Root = "alerts-delivery/";
    private const string SentPrefix = Root + "sent/";
    private const string ParkedPrefix = Root + "parked/";
    private const string StoriesPrefix = Root + "stories/";

    public async Task<bool> HasReceiptAsync(string id, string sink, CancellationToken cancellationToken = default) =>
        await blobs.GetAsync(SentPrefix + Segment(id) + "/" + Segment(sink) + ".json", cancellationToken).ConfigureAwait(false) is not null;

    public async Task WriteReceiptAsync(DeliveryReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        // Create-only: a second receipt for the same (id, sink) means a redelivery, and the first one is the truth.
        await blobs.PutAsync(
            SentPrefix + Segment(receipt.Id) + "/" + Segment(receipt.Sink) + ".json",
            JsonSerializer.SerializeToUtf8Bytes(receipt, FeedWatchJson.Indented),
            BlobPutOptions.Json(createOnly: true),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<ParkedDelivery?> GetParkedAsync(string id, string sink, CancellationToken cancellationToken = default)
    {
        var blob = await blobs.GetAsync(ParkedName(id, sink), cancellationToken).ConfigureAwait(false);
        return blob is null ? null : JsonSerializer.Deserialize<ParkedDelivery>(blob.Content.Span, FeedWatchJson.Options);
    }

    public async Task ParkAsync(ParkedDelivery parked, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parked);
        await blobs.PutAsync(
            ParkedName(parked.Id, parked.Sink),
            JsonSerializer.SerializeToUtf8Bytes(parked, FeedWatchJson.Indented),
            BlobPutOptions.Json(),
            cancellationToken).ConfigureAwait(false);
    }

    public Task<bool> UnparkAsync(string id, string sink, CancellationToken cancellationToken = default) =>
        blobs.DeleteAsync(ParkedName(id, sink), cancellationToken: cancellationToken);

    /// <summary>Parked deliveries, all of them or those of one alert/digest id.</summary>
    public async IAsyncEnumerable<ParkedDelivery> ListParkedAsync(string? id = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prefix = id is null ? ParkedPrefix : ParkedPrefix + Segment(id) + "/";
        await foreach (var info in blobs.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            var blob = await blobs.GetAsync(info.Name, cancellationToken).ConfigureAwait(false);
            if (blob is null) continue; // retried and removed meanwhile
            var parked = JsonSerializer.Deserialize<ParkedDelivery>(blob.Content.Span, FeedWatchJson.Options);
            if (parked is not null) yield return parked;
        }
    }

    public async Task<(NoiseState State, string? ETag)> ReadNoiseAsync(string storyId, CancellationToken cancellationToken = default)
    {
        var blob = await blobs.GetAsync(StoriesPrefix + Segment(storyId) + ".json", cancellationToken).ConfigureAwait(false);
        if (blob is null) return (NoiseState.Empty, null);
        var state = JsonSerializer.Deserialize<NoiseState>(blob.Content.Span, FeedWatchJson.Options) ?? NoiseState.Empty;
        return (state, blob.Info.ETag);
    }

    /// <summary>Writes the state if nobody changed it since <paramref name="etag"/> was read (null: only if it does not exist yet).</summary>
    public async Task<bool> TryWriteNoiseAsync(string storyId, NoiseState state, string? etag, CancellationToken cancellationToken = default)
    {
        var options = etag is null ? BlobPutOptions.Json(createOnly: true) : BlobPutOptions.Json(ifMatch: etag);
        var result = await blobs.PutAsync(
            StoriesPrefix + Segment(storyId) + ".json",
            JsonSerializer.SerializeToUtf8Bytes(state, FeedWatchJson.Indented),
            options,
            cancellationToken).ConfigureAwait(false);
        return result.Written;
    }

    /// <summary>Story ids that have noise-control state (candidates for releasing held alerts).</summary>
    public async IAsyncEnumerable<string> ListNoiseStoriesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var info in blobs.ListAsync(StoriesPrefix, cancellationToken).ConfigureAwait(false))
        {
            var name = info.Name[StoriesPrefix.Length..];
            if (name.EndsWith(".json", StringComparison.Ordinal)) yield return name[..^5];
        }
    }

    private static string ParkedName(string id, string sink) => ParkedPrefix + Segment(id) + "/" + Segment(sink) + ".json";

    // Ids and sink names become path segments: refuse anything that could escape or nest.
    private static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value.Contains('/', StringComparison.Ordinal) || value.Contains('\\', StringComparison.Ordinal) || value is "." or "..")
            throw new ArgumentException($"'{value}' cannot be used as a name in the alert delivery store.", nameof(value));
        return value;
    }
}
