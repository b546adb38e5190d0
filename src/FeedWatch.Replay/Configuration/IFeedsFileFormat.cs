namespace FeedWatch.Replay.Configuration;

/// <summary>
/// The one place that knows how `feedwatch run` spells its feeds configuration; the replay only builds a
/// <see cref="ReplayFeedsFile"/> and hands it here.
/// </summary>
public interface IFeedsFileFormat
{
    void Write(ReplayFeedsFile file, Stream destination);
}
