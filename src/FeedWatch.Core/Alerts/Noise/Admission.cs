namespace FeedWatch.Core.Alerts.Noise;

/// <summary>The decision for one alert and the story's state after it.</summary>
public sealed record Admission(AdmissionKind Kind, NoiseState State, DateTimeOffset? ReleaseAt, string? Reason);
