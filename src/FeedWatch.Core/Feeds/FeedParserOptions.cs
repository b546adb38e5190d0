namespace FeedWatch.Core.Feeds;

public sealed record FeedParserOptions
{
    /// <summary>Inputs larger than this are refused before parsing (memory safety).</summary>
    public long MaxBytes { get; init; } = 32 * 1024 * 1024;
}
