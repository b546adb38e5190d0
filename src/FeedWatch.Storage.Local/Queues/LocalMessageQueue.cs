using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Core.Serialization;
using System.Text;
using FeedWatch.Storage.Local.Files;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Storage.Local.Queues;

/// <summary>
/// A durable queue on a local folder with Azure Storage queue semantics. Each message is one JSON file
/// ("{queue}/messages/{id}.json"), replaced atomically (temp file + fsync + rename) whenever its delivery state
/// changes, so a crash or restart loses nothing and never leaves half a message. Every state change happens
/// under a per-queue lock shared by all threads and processes on the folder, so two competing consumers never
/// receive the same message in the same visibility window. Ids start with the insertion time, so receiving in
/// name order is first-in first-out (best effort, like Azure).
/// </summary>
public sealed class LocalMessageQueue : IMessageQueue
{
    private readonly string messagesDirectory;
    private readonly string tempDirectory;
    private readonly CrossProcessLock locks;
    private readonly TimeProvider clock;
    private readonly ILogger? logger;
    private readonly string poisonDirectory;

    internal LocalMessageQueue(string name, string queueDirectory, string tempDirectory, CrossProcessLock locks, TimeProvider clock, ILogger? logger = null)
    {
        Name = name;
        this.logger = logger;
        messagesDirectory = Path.Combine(queueDirectory, "messages");
        poisonDirectory = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(queueDirectory))!, name + "-poison", "messages");
        this.tempDirectory = tempDirectory;
        this.locks = locks;
        this.clock = clock;
    }

    public string Name { get; }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(messagesDirectory);
        return Task.CompletedTask;
    }

    public Task<QueueMessage> SendAsync(string body, TimeSpan? initialVisibilityDelay = null, CancellationToken cancellationToken = default)
    {
        QueueMessageLimits.ValidateBody(body);
        var delay = initialVisibilityDelay ?? TimeSpan.Zero;
        LocalQueueLimits.ValidateVisibility(delay, nameof(initialVisibilityDelay));
        cancellationToken.ThrowIfCancellationRequested();

        // A new file needs no lock: its id is unique, and it appears whole through the atomic rename.
        var now = clock.GetUtcNow();
        var message = new StoredMessage(NewId(now), body, now, now + delay, 0, null);
        Directory.CreateDirectory(messagesDirectory);
        Save(message);
        return Task.FromResult(ToPublic(message, popReceipt: string.Empty));
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        LocalQueueLimits.ValidateBatch(maxMessages);
        LocalQueueLimits.ValidateVisibility(visibilityTimeout, nameof(visibilityTimeout));
        if (!Directory.Exists(messagesDirectory))
        {
            return [];
        }

        using (await locks.AcquireAsync(LockName, cancellationToken).ConfigureAwait(false))
        {
            var now = clock.GetUtcNow();
            var received = new List<QueueMessage>(maxMessages);
            foreach (var stored in ReadAll(quarantine: true))
            {
                if (stored.NextVisibleOn > now)
                {
                    continue;
                }

                var updated = stored with
                {
                    DequeueCount = stored.DequeueCount + 1,
                    NextVisibleOn = now + visibilityTimeout,
                    PopReceipt = NewPopReceipt(),
                };
                Save(updated);
                received.Add(ToPublic(updated, updated.PopReceipt!));
                if (received.Count == maxMessages)
                {
                    break;
                }
            }

            return received;
        }
    }

    public Task<IReadOnlyList<QueueMessage>> PeekAsync(int maxMessages, CancellationToken cancellationToken = default)
    {
        LocalQueueLimits.ValidateBatch(maxMessages);
        cancellationToken.ThrowIfCancellationRequested();
        if (!Directory.Exists(messagesDirectory))
        {
            return Task.FromResult<IReadOnlyList<QueueMessage>>([]);
        }

        // Message files only ever change by atomic rename, so reading without the lock sees whole states.
        var now = clock.GetUtcNow();
        IReadOnlyList<QueueMessage> visible = ReadAll(quarantine: false)
            .Where(message => message.NextVisibleOn <= now)
            .Take(maxMessages)
            .Select(message => ToPublic(message, popReceipt: string.Empty))
            .ToList();
        return Task.FromResult(visible);
    }

    public async Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(popReceipt);
        using (await locks.AcquireAsync(LockName, cancellationToken).ConfigureAwait(false))
        {
            var stored = Read(messageId);
            if (stored is null || !string.Equals(stored.PopReceipt, popReceipt, StringComparison.Ordinal))
            {
                return false;
            }

            AtomicFile.Delete(MessagePath(messageId));
            return true;
        }
    }

    public async Task<QueueMessage> UpdateVisibilityAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        LocalQueueLimits.ValidateVisibility(visibilityTimeout, nameof(visibilityTimeout));
        using (await locks.AcquireAsync(LockName, cancellationToken).ConfigureAwait(false))
        {
            var stored = Read(message.Id);
            if (stored is null || !string.Equals(stored.PopReceipt, message.PopReceipt, StringComparison.Ordinal))
            {
                throw new QueueMessageNotFoundException(Name, message.Id);
            }

            var updated = stored with { NextVisibleOn = clock.GetUtcNow() + visibilityTimeout, PopReceipt = NewPopReceipt() };
            Save(updated);
            return ToPublic(updated, updated.PopReceipt!);
        }
    }

    public Task<int> GetApproximateCountAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var count = Directory.Exists(messagesDirectory) ? Directory.EnumerateFiles(messagesDirectory, "*.json").Count() : 0;
        return Task.FromResult(count);
    }

    private string LockName => "queue-" + Name;

    /// <summary>
    /// Every readable message in name order. A corrupt file (not written by FeedWatch, truncated by a crash of another
    /// tool) is skipped; with <paramref name="quarantine"/> (under the queue lock) it is moved to "{queue}-poison" so
    /// it never blocks the messages behind it.
    /// </summary>
    private IEnumerable<StoredMessage> ReadAll(bool quarantine)
    {
        var files = Directory.GetFiles(messagesDirectory, "*.json");
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            StoredMessage? stored;
            try
            {
                stored = ReadFile(file);
            }
            catch (InvalidDataException ex)
            {
                if (quarantine)
                {
                    Quarantine(file, ex);
                }

                continue;
            }

            if (stored is not null)
            {
                yield return stored;
            }
        }
    }

    /// <summary>The corrupt file's bytes become the body of a poison message (text as is, anything else as base64): nothing is lost.</summary>
    private void Quarantine(string file, InvalidDataException error)
    {
        var bytes = AtomicFile.TryReadAllBytes(file);
        if (bytes is null)
        {
            return;
        }

        string body;
        try
        {
            body = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            body = "base64:" + Convert.ToBase64String(bytes);
        }

        var now = clock.GetUtcNow();
        var poison = new StoredMessage(NewId(now), body, now, now, 0, null);
        AtomicFile.Write(tempDirectory, Path.Combine(poisonDirectory, poison.Id + ".json"), JsonSerializer.SerializeToUtf8Bytes(poison, FeedWatchJson.Options));
        AtomicFile.Delete(file);
        logger?.LogError("Corrupt message file {File} on {Queue} moved to {PoisonQueue} as message {MessageId}: {Error}", file, Name, Name + "-poison", poison.Id, error.Message);
    }

    private StoredMessage? Read(string messageId) => IsWellFormedId(messageId) ? ReadFile(MessagePath(messageId)) : null;

    private static StoredMessage? ReadFile(string path)
    {
        var bytes = AtomicFile.TryReadAllBytes(path);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<StoredMessage>(bytes, FeedWatchJson.Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The queue message file '{path}' is corrupt; it was not written by FeedWatch.", ex);
        }
    }

    private void Save(StoredMessage message) =>
        AtomicFile.Write(tempDirectory, MessagePath(message.Id), JsonSerializer.SerializeToUtf8Bytes(message, FeedWatchJson.Options));

    private string MessagePath(string messageId) => Path.Combine(messagesDirectory, messageId + ".json");

    private static QueueMessage ToPublic(StoredMessage message, string popReceipt) =>
        new(message.Id, popReceipt, message.Body, message.DequeueCount, message.InsertedOn, message.NextVisibleOn);

    /// <summary>Time first (so names sort in insertion order), then randomness (so processes never collide).</summary>
    private static string NewId(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{now.UtcTicks:x16}-{RandomNumberGenerator.GetHexString(12, lowercase: true)}");

    private static string NewPopReceipt() => RandomNumberGenerator.GetHexString(16, lowercase: true);

    /// <summary>Ids come back from callers; only ids this queue could have made may touch the file system.</summary>
    private static bool IsWellFormedId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or '-');
}
