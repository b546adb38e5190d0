using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Core.Serialization;
using FeedWatch.Storage.Local.Files;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Storage.Local.Queues;

/// <summary>
/// A durable queue on a local folder with Azure Storage queue semantics. Each message is one JSON file in
/// "{queue}/messages", written once at send time (temp file + fsync + rename + directory fsync). Its delivery state
/// after a receive — dequeue count, next-visible time, pop receipt — is in the file's name (see
/// <see cref="MessageFileName"/>), so receiving and updating visibility rename the file and deleting unlinks it, each
/// followed by a directory fsync: a crash or restart loses nothing and never leaves half a message. Every state change
/// happens under a per-queue lock shared by all threads and processes on the folder, so two competing consumers never
/// receive the same message in the same visibility window. Ids start with the insertion time, so receiving in name
/// order is first-in first-out (best effort, like Azure).
/// </summary>
public sealed class LocalMessageQueue : IMessageQueue
{
    private readonly string messagesDirectory;
    private readonly string tempDirectory;
    private readonly CrossProcessLock locks;
    private readonly TimeProvider clock;
    private readonly ILogger? logger;
    private readonly string poisonDirectory;
    private readonly SendSignal? sent;

    internal LocalMessageQueue(string name, string queueDirectory, string tempDirectory, CrossProcessLock locks, TimeProvider clock, ILogger? logger = null, SendSignal? sent = null)
    {
        this.sent = sent;
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
        sent?.Pulse();
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
            foreach (var (name, stored) in ReadVisible(now, quarantine: true))
            {
                // The lease goes into the file's name: one rename, no new file and no rewrite of the body.
                var lease = MessageFileName.NewLease(name.DequeueCount + 1, now + visibilityTimeout);
                File.Move(MessagePath(name.FileName), MessagePath(MessageFileName.Leased(name.Id, lease).FileName));
                received.Add(new QueueMessage(name.Id, lease, stored.Body, name.DequeueCount + 1, stored.InsertedOn, now + visibilityTimeout));
                if (received.Count == maxMessages)
                {
                    break;
                }
            }

            if (received.Count > 0)
            {
                // One directory fsync makes the whole batch's renames durable before anyone handles a message.
                DirectorySync.Flush(messagesDirectory);
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
        IReadOnlyList<QueueMessage> visible = ReadVisible(clock.GetUtcNow(), quarantine: false)
            .Take(maxMessages)
            .Select(m => new QueueMessage(m.Name.Id, string.Empty, m.Stored.Body, m.Name.DequeueCount, m.Stored.InsertedOn, m.Name.NextVisibleOn ?? m.Stored.NextVisibleOn))
            .ToList();
        return Task.FromResult(visible);
    }

    public async Task<bool> DeleteAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        ArgumentNullException.ThrowIfNull(popReceipt);
        if (!MessageFileName.IsWellFormedId(messageId) || !MessageFileName.IsWellFormedLease(popReceipt))
        {
            return false;
        }

        // The pop receipt is the lease in the file's name: the file exists under that name only while the lease holds.
        var path = MessagePath(MessageFileName.Leased(messageId, popReceipt).FileName);
        using (await locks.AcquireAsync(LockName, cancellationToken).ConfigureAwait(false))
        {
            if (!File.Exists(path))
            {
                return false;
            }

            AtomicFile.Delete(path);
            return true;
        }
    }

    public async Task<QueueMessage> UpdateVisibilityAsync(QueueMessage message, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        LocalQueueLimits.ValidateVisibility(visibilityTimeout, nameof(visibilityTimeout));
        if (!MessageFileName.IsWellFormedId(message.Id) || !MessageFileName.IsWellFormedLease(message.PopReceipt))
        {
            throw new QueueMessageNotFoundException(Name, message.Id);
        }

        var current = MessageFileName.Leased(message.Id, message.PopReceipt);
        using (await locks.AcquireAsync(LockName, cancellationToken).ConfigureAwait(false))
        {
            var stored = ReadFile(MessagePath(current.FileName)) ?? throw new QueueMessageNotFoundException(Name, message.Id);
            var nextVisible = clock.GetUtcNow() + visibilityTimeout;
            var lease = MessageFileName.NewLease(current.DequeueCount, nextVisible);
            File.Move(MessagePath(current.FileName), MessagePath(MessageFileName.Leased(message.Id, lease).FileName));
            DirectorySync.Flush(messagesDirectory);
            return new QueueMessage(message.Id, lease, stored.Body, current.DequeueCount, stored.InsertedOn, nextVisible);
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
    /// The messages visible at <paramref name="now"/>, in name order (first in, first out), each with its delivery state:
    /// the lease in the name when it has one (a hidden leased message is skipped without being read), else the state
    /// written at send time. A corrupt file (not written by FeedWatch, truncated by a crash of another tool) is skipped;
    /// with <paramref name="quarantine"/> (under the queue lock) it is moved to "{queue}-poison" so it never blocks the
    /// messages behind it.
    /// </summary>
    private IEnumerable<(MessageFileName Name, StoredMessage Stored)> ReadVisible(DateTimeOffset now, bool quarantine)
    {
        var files = Directory.GetFiles(messagesDirectory, "*.json");
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var parsed = MessageFileName.TryParse(Path.GetFileName(file), out var name);
            if (parsed && name.NextVisibleOn > now)
            {
                continue;
            }

            StoredMessage? stored;
            try
            {
                stored = parsed ? ReadFile(file) : throw new InvalidDataException($"The queue message file '{file}' has a name FeedWatch never writes.");
            }
            catch (InvalidDataException ex)
            {
                if (quarantine)
                {
                    Quarantine(file, ex);
                }

                continue;
            }

            if (stored is null)
            {
                continue;
            }

            // A message never received (or written by an older version, which kept the state in the file) has its state inside.
            var state = name.Lease is null ? name with { DequeueCount = stored.DequeueCount, NextVisibleOn = stored.NextVisibleOn } : name;
            if (state.NextVisibleOn <= now)
            {
                yield return (state, stored);
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
        AtomicFile.Write(tempDirectory, MessagePath(message.Id + ".json"), JsonSerializer.SerializeToUtf8Bytes(message, FeedWatchJson.Options));

    private string MessagePath(string fileName) => Path.Combine(messagesDirectory, fileName);

    private static QueueMessage ToPublic(StoredMessage message, string popReceipt) =>
        new(message.Id, popReceipt, message.Body, message.DequeueCount, message.InsertedOn, message.NextVisibleOn);

    /// <summary>Time first (so names sort in insertion order), then randomness (so processes never collide).</summary>
    private static string NewId(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"{now.UtcTicks:x16}-{RandomNumberGenerator.GetHexString(12, lowercase: true)}");
}
