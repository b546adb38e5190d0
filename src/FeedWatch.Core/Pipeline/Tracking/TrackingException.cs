namespace FeedWatch.Core.Pipeline.Tracking;

/// <summary>A story could not be tracked from the given seed; the message says why, for the user.</summary>
public sealed class TrackingException(string message) : Exception(message);
