namespace FeedWatch.Core.Pipeline.Status;

/// <summary>One stage queue: messages waiting (visible or hidden for a retry) and messages kept in its poison queue.</summary>
public sealed record QueueStatus(string Stage, string Queue, int Depth, int Poison);
