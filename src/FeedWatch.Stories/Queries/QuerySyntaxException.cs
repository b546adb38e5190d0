namespace FeedWatch.Stories.Queries;

/// <summary>A story query that cannot be parsed; the message says where and why.</summary>
internal sealed class QuerySyntaxException(string message) : FormatException(message);
