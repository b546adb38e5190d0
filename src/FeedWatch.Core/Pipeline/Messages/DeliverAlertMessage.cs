namespace FeedWatch.Core.Pipeline.Messages;

/// <summary>Classify → alert: deliver the alert recorded in the story's outbox to its sinks.</summary>
public sealed record DeliverAlertMessage(string AlertId, string StoryId);
