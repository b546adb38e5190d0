using FeedWatch.Core.Telemetry;

namespace FeedWatch.Core.Pipeline.Messages;

/// <summary>Classify → alert: deliver the alert recorded in the story's outbox to its sinks. <see cref="TraceParent"/>: see <see cref="ITracedMessage"/>.</summary>
public sealed record DeliverAlertMessage(string AlertId, string StoryId, string? TraceParent = null) : ITracedMessage;
