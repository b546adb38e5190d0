using System.Text.Json;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Serialization;

namespace FeedWatch.Core.Pipeline.Blobs;

/// <summary>Typed JSON documents over <see cref="IBlobStore"/>, indented so the stored files are readable.</summary>
public static class DocumentStore
{
    public static async Task<StoredDocument<T>?> GetJsonAsync<T>(this IBlobStore blobs, string name, CancellationToken cancellationToken)
        where T : class
    {
        var content = await blobs.GetAsync(name, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return null;
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(content.Content.Span, FeedWatchJson.Options)
                ?? throw new InvalidDataException($"Blob {name} holds JSON null.");
            return new StoredDocument<T>(value, content.Info.ETag);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Blob {name} is not a valid {typeof(T).Name} document: {ex.Message}", ex);
        }
    }

    public static Task<BlobPutResult> PutJsonAsync<T>(
        this IBlobStore blobs, string name, T value, bool createOnly, string? ifMatch, CancellationToken cancellationToken) =>
        blobs.PutAsync(name, Serialize(value), BlobPutOptions.Json(createOnly, ifMatch), cancellationToken);

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, FeedWatchJson.Indented);
}
