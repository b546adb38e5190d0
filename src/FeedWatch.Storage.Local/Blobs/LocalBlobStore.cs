using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using FeedWatch.Core.Ports.Blobs;
using FeedWatch.Core.Serialization;
using FeedWatch.Storage.Local.Files;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FeedWatch.Storage.Local.Blobs;

/// <summary>
/// <see cref="IBlobStore"/> on a local folder, with the semantics of Azure Blob Storage: ETags, create-only and
/// If-Match writes, ordinal prefix listing, content type, content encoding and metadata.
/// <para>
/// Atomicity: content and properties are written to temp files (fsync'd) and renamed into place; the properties
/// sidecar is the commit record and names the pending content file, so a crash at any point leaves either the
/// old blob or the new one, never half of one (the next access finishes an interrupted rename).
/// </para>
/// <para>
/// Concurrency: writes and deletes hold a per-blob-stripe lock that excludes other threads and other processes
/// on the same folder, so of two conditional writes exactly one wins. Reads take no lock: they read the
/// sidecar, the content, and the sidecar again, and retry if a writer got in between.
/// </para>
/// </summary>
public sealed class LocalBlobStore : IBlobStore
{
    private const int LockFreeReadAttempts = 8;
    private readonly LocalBlobLayout layout;
    private readonly CrossProcessLock locks;
    private readonly ILogger logger;

    public LocalBlobStore(string rootDirectory, ILogger<LocalBlobStore>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        layout = new LocalBlobLayout(rootDirectory);
        Directory.CreateDirectory(layout.Root);
        locks = new CrossProcessLock(layout.LockDirectory);
        this.logger = logger ?? NullLogger<LocalBlobStore>.Instance;
    }

    /// <summary>The folder the blobs live in.</summary>
    public string RootDirectory => layout.Root;

    public async Task<BlobContent?> GetAsync(string name, CancellationToken cancellationToken = default)
    {
        LocalBlobLayout.ValidateName(name);
        cancellationToken.ThrowIfCancellationRequested();
        for (var attempt = 0; attempt < LockFreeReadAttempts; attempt++)
        {
            var outcome = TryReadWithoutLock(name);
            if (outcome.Consistent)
            {
                return outcome.Content;
            }
        }

        // Writers kept getting in between, or a write was interrupted: read under the lock (which also finishes it).
        using (await locks.AcquireAsync(LocalBlobLayout.LockName(name), cancellationToken).ConfigureAwait(false))
        {
            var sidecar = ReadCommitted(name);
            if (sidecar is null)
            {
                return null;
            }

            var bytes = AtomicFile.TryReadAllBytes(layout.ContentPath(name));
            return bytes is null ? null : new BlobContent(ToInfo(name, sidecar), bytes);
        }
    }

    public async Task<BlobPutResult> PutAsync(string name, ReadOnlyMemory<byte> content, BlobPutOptions options, CancellationToken cancellationToken = default)
    {
        LocalBlobLayout.ValidateName(name);
        ArgumentNullException.ThrowIfNull(options);
        BlobMetadataRules.Validate(options.Metadata);
        cancellationToken.ThrowIfCancellationRequested();

        // The content goes to disk before taking the lock, so the lock is held only for the sidecar write and two renames.
        var tempContent = AtomicFile.WriteTemp(layout.TempDirectory, content.Span);
        try
        {
            using (await locks.AcquireAsync(LocalBlobLayout.LockName(name), cancellationToken).ConfigureAwait(false))
            {
                var current = ReadCommitted(name);
                if (!ConditionHolds(current, options.CreateOnly, options.IfMatch))
                {
                    return BlobPutResult.ConditionFailed;
                }

                var sidecar = new BlobSidecar(
                    NewETag(),
                    content.Length,
                    options.ContentType,
                    options.ContentEncoding,
                    DateTimeOffset.UtcNow,
                    new Dictionary<string, string>(options.Metadata, StringComparer.Ordinal),
                    Path.GetFileName(tempContent));
                AtomicFile.Write(layout.TempDirectory, layout.SidecarPath(name), JsonSerializer.SerializeToUtf8Bytes(sidecar, FeedWatchJson.Options));
                FinishPendingRename(name, sidecar);
                tempContent = null;
                return new BlobPutResult(true, sidecar.ETag);
            }
        }
        finally
        {
            if (tempContent is not null)
            {
                TryDelete(tempContent);
            }
        }
    }

    public async IAsyncEnumerable<BlobInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var start = layout.ListingStart(prefix);
        if (!Directory.Exists(start))
        {
            yield break;
        }

        var names = new List<string>();
        foreach (var file in Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories))
        {
            var name = layout.NameFromSidecar(file);
            if (name is not null && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                names.Add(name);
            }
        }

        names.Sort(StringComparer.Ordinal);
        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var info = await GetInfoAsync(name, cancellationToken).ConfigureAwait(false);
            if (info is not null)
            {
                yield return info;
            }
        }
    }

    public async Task<bool> DeleteAsync(string name, string? ifMatch = null, CancellationToken cancellationToken = default)
    {
        LocalBlobLayout.ValidateName(name);
        cancellationToken.ThrowIfCancellationRequested();
        using (await locks.AcquireAsync(LocalBlobLayout.LockName(name), cancellationToken).ConfigureAwait(false))
        {
            var current = ReadCommitted(name);
            if (current is null || !ConditionHolds(current, createOnly: false, ifMatch))
            {
                return false;
            }

            // Content first, then the sidecar: a crash in between leaves a sidecar without content, which reads as absent.
            TryDelete(layout.ContentPath(name));
            TryDelete(layout.SidecarPath(name));
            return true;
        }
    }

    private async Task<BlobInfo?> GetInfoAsync(string name, CancellationToken cancellationToken)
    {
        var sidecar = ReadSidecar(name);
        if (sidecar is not null && !PendingExists(sidecar))
        {
            return File.Exists(layout.ContentPath(name)) ? ToInfo(name, sidecar) : null;
        }

        using (await locks.AcquireAsync(LocalBlobLayout.LockName(name), cancellationToken).ConfigureAwait(false))
        {
            var committed = ReadCommitted(name);
            return committed is null ? null : ToInfo(name, committed);
        }
    }

    private (bool Consistent, BlobContent? Content) TryReadWithoutLock(string name)
    {
        var before = ReadSidecar(name);
        if (before is null)
        {
            return (true, null);
        }

        if (PendingExists(before))
        {
            return (false, null);
        }

        var bytes = AtomicFile.TryReadAllBytes(layout.ContentPath(name));
        var after = ReadSidecar(name);
        if (after is null)
        {
            return (true, null);
        }

        if (!string.Equals(before.ETag, after.ETag, StringComparison.Ordinal))
        {
            return (false, null);
        }

        // Same sidecar before and after: no write started in between, so the content is the one it describes.
        // Missing content under an intact sidecar is a delete in progress (or interrupted): the blob is gone.
        return (true, bytes is null ? null : new BlobContent(ToInfo(name, after), bytes));
    }

    /// <summary>Under the lock: the blob's sidecar if the blob exists, after finishing any interrupted write.</summary>
    private BlobSidecar? ReadCommitted(string name)
    {
        var sidecar = ReadSidecar(name);
        if (sidecar is null)
        {
            return null;
        }

        if (PendingExists(sidecar))
        {
            logger.LogInformation("Finishing an interrupted write of blob {BlobName}", name);
            FinishPendingRename(name, sidecar);
        }

        return File.Exists(layout.ContentPath(name)) ? sidecar : null;
    }

    private void FinishPendingRename(string name, BlobSidecar sidecar)
    {
        if (sidecar.PendingContent is null)
        {
            return;
        }

        try
        {
            AtomicFile.Commit(layout.TempPath(sidecar.PendingContent), layout.ContentPath(name));
        }
        catch (FileNotFoundException)
        {
            // Already renamed by an earlier attempt: the content in place is the pending one.
        }
    }

    private bool PendingExists(BlobSidecar sidecar) =>
        sidecar.PendingContent is not null && File.Exists(layout.TempPath(sidecar.PendingContent));

    private BlobSidecar? ReadSidecar(string name)
    {
        var bytes = AtomicFile.TryReadAllBytes(layout.SidecarPath(name));
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<BlobSidecar>(bytes, FeedWatchJson.Options);
        }
        catch (JsonException ex)
        {
            // Sidecars are only ever renamed into place whole, so this is outside interference: fail loudly, lose nothing.
            throw new InvalidDataException($"The properties file of blob '{name}' ({layout.SidecarPath(name)}) is corrupt.", ex);
        }
    }

    private static bool ConditionHolds(BlobSidecar? current, bool createOnly, string? ifMatch)
    {
        if (createOnly && current is not null)
        {
            return false;
        }

        if (ifMatch is null)
        {
            return true;
        }

        return current is not null && (ifMatch == "*" || string.Equals(ifMatch, current.ETag, StringComparison.Ordinal));
    }

    private static BlobInfo ToInfo(string name, BlobSidecar sidecar) =>
        new(name, sidecar.ETag, sidecar.Length, sidecar.ContentType, sidecar.LastModified, sidecar.Metadata)
        {
            ContentEncoding = sidecar.ContentEncoding,
        };

    /// <summary>Azure-style quoted ETag; the time part keeps them readable, the random part makes them unique.</summary>
    private static string NewETag() =>
        string.Create(CultureInfo.InvariantCulture, $"\"0x{DateTime.UtcNow.Ticks:X16}{RandomNumberGenerator.GetHexString(8)}\"");

    private static void TryDelete(string path)
    {
        try
        {
            AtomicFile.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing to delete.
        }
    }
}
