using System.Collections.Concurrent;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Storage.Local.Files;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Storage.Local.Queues;

/// <summary>
/// Durable local queues under one folder: "{root}/{queue}/messages/*.json", one file per message.
/// Several processes may share the folder as competing consumers.
/// </summary>
public sealed class LocalQueueProvider : IQueueProvider
{
    private const string InternalFolder = ".feedwatch";
    private readonly ConcurrentDictionary<string, LocalMessageQueue> queues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SendSignal> signals = new(StringComparer.Ordinal);
    private readonly CrossProcessLock locks;
    private readonly string tempDirectory;
    private readonly TimeProvider clock;

    private readonly ILogger? logger;

    public LocalQueueProvider(string rootDirectory, TimeProvider? clock = null, ILogger? logger = null)
    {
        this.logger = logger;
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        RootDirectory = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(RootDirectory);
        // Queue names cannot start with '.', so the bookkeeping folder never collides with a queue.
        locks = new CrossProcessLock(Path.Combine(RootDirectory, InternalFolder, "locks"));
        tempDirectory = Path.Combine(RootDirectory, InternalFolder, "tmp");
        this.clock = clock ?? TimeProvider.System;
    }

    public string RootDirectory { get; }

    public IMessageQueue GetQueue(string name)
    {
        QueueNameRules.Validate(name);
        return queues.GetOrAdd(name, n => new LocalMessageQueue(n, Path.Combine(RootDirectory, n), tempDirectory, locks, clock, logger, Signal(n)));
    }

    /// <summary>
    /// Completes when a message is next sent to <paramref name="name"/> through this provider (this process only:
    /// consumers still poll for other processes' messages). Take it before receiving, so a send in between is not missed.
    /// </summary>
    public Task WhenSent(string name)
    {
        QueueNameRules.Validate(name);
        return Signal(name).Next;
    }

    private SendSignal Signal(string name) => signals.GetOrAdd(name, _ => new SendSignal());
}
