using FeedWatch.Core.Alerts;

namespace FeedWatch.Core.Tests.Pipeline.Fakes;

public sealed class RecordingAlertSink(string name) : IAlertSink
{
    public string Name => name;

    public List<SpreadAlert> Delivered { get; } = [];

    /// <summary>How many of the next calls fail.</summary>
    public int FailNext { get; set; }

    public Task DeliverAsync(SpreadAlert alert, CancellationToken cancellationToken = default)
    {
        if (FailNext > 0)
        {
            FailNext--;
            throw new IOException($"{name} is down");
        }

        Delivered.Add(alert);
        return Task.CompletedTask;
    }
}
