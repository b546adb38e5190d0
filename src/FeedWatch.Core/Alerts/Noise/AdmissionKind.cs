namespace FeedWatch.Core.Alerts.Noise;

/// <summary>What noise control decided for a new alert.</summary>
public enum AdmissionKind
{
    /// <summary>Send it now as a single alert.</summary>
    SendNow,

    /// <summary>Held: it will go out in a digest at <see cref="Admission.ReleaseAt"/>.</summary>
    Held,

    /// <summary>Already went out inside a digest (a redelivered outbox entry): nothing more to send.</summary>
    AlreadySent,
}
