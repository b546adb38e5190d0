namespace FeedWatch.Core.Telemetry;

/// <summary>
/// A queue message that carries the W3C trace context (traceparent) of the span that sent it, so the stage that
/// receives it continues the same trace: one article's path from feed poll to alert is one trace on every backend.
/// The shared send path (<c>PipelineMessages.SendMessageAsync</c>) stamps it; senders never set it by hand.
/// </summary>
public interface ITracedMessage
{
    string? TraceParent { get; }
}
