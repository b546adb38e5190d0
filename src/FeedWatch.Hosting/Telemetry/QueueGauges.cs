using System.Diagnostics.Metrics;
using System.Globalization;
using FeedWatch.Core.Pipeline.Status;
using FeedWatch.Core.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Hosting.Telemetry;

/// <summary>
/// The observable gauges feedwatch.queue.depth and feedwatch.queue.poison (tag feedwatch.queue), on this host's
/// "FeedWatch" meter. Counting a queue is a storage call, so the counts are sampled in the background (every metric
/// export interval, OTEL_METRIC_EXPORT_INTERVAL, but at least every 15 s) and the gauges report the latest sample.
/// </summary>
public sealed class QueueGauges : BackgroundService
{
    private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MinInterval = TimeSpan.FromSeconds(1);

    private readonly PipelineStatusReader _reader;
    private readonly ILogger<QueueGauges> _logger;
    private readonly TimeSpan _interval;
    private readonly Meter _meter;
    private volatile IReadOnlyList<QueueStatus> _latest = [];

    public QueueGauges(IMeterFactory meters, PipelineStatusReader reader, IConfiguration configuration, ILogger<QueueGauges> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(configuration);
        _reader = reader;
        _logger = logger;
        _interval = IntervalFrom(configuration["OTEL_METRIC_EXPORT_INTERVAL"]);
        _meter = meters.Create(FeedWatchMetrics.MeterName);
        _meter.CreateObservableGauge("feedwatch.queue.depth", () => Observe(q => q.Depth), "{message}",
            "Messages on a stage queue, visible or waiting for a retry.");
        _meter.CreateObservableGauge("feedwatch.queue.poison", () => Observe(q => q.Poison), "{message}",
            "Messages kept in a stage queue's poison queue (failed every attempt or unreadable).");
    }

    /// <summary>The latest sample (empty until the first one is taken).</summary>
    public IReadOnlyList<QueueStatus> Latest => _latest;

    /// <summary>Takes a sample now (also done once per interval in the background).</summary>
    public async Task SampleAsync(CancellationToken cancellationToken)
    {
        _latest = await _reader.ReadQueuesAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Storage unreachable: the gauges keep the last sample; the queue workers log the outage themselves.
                _logger.LogDebug(ex, "Could not sample queue depths for the metrics");
            }

            try
            {
                await Task.Delay(_interval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }

    private IEnumerable<Measurement<int>> Observe(Func<QueueStatus, int> value) =>
        _latest.Select(q => new Measurement<int>(value(q), new KeyValuePair<string, object?>(TelemetryTags.Queue, q.Queue)));

    private static TimeSpan IntervalFrom(string? milliseconds) =>
        int.TryParse(milliseconds, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) && ms > 0
            ? TimeSpan.FromMilliseconds(Math.Clamp(ms, MinInterval.TotalMilliseconds, MaxInterval.TotalMilliseconds))
            : MaxInterval;
}
