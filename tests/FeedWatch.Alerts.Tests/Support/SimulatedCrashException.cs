namespace FeedWatch.Alerts.Tests.Support;

/// <summary>Stands for the process dying at this point: nothing after it in the same call runs.</summary>
public sealed class SimulatedCrashException(string message) : Exception(message);
