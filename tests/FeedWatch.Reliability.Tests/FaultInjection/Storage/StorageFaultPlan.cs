namespace FeedWatch.Reliability.Tests.FaultInjection.Storage;

/// <summary>
/// How often and how much the proxy misbehaves. Rates are per request; every kind has a budget so a run always
/// ends (each injected timeout costs the client a network timeout).
/// </summary>
public sealed record StorageFaultPlan(int Seed)
{
    /// <summary>Chance that a PUT, POST or DELETE (writes, sends, deletes, visibility updates) is faulted.</summary>
    public double WriteRate { get; init; } = 0.15;

    /// <summary>Chance that a GET or HEAD (reads, listings, receives, counts) is faulted.</summary>
    public double ReadRate { get; init; } = 0.05;

    /// <summary>Chance that an If-Match write of a story document (stories/…) meets a concurrent writer.</summary>
    public double StoryRaceRate { get; init; } = 0.7;

    /// <summary>Chance that any other If-Match blob write (feed state, article documents) meets a concurrent writer.</summary>
    public double OtherRaceRate { get; init; } = 0.2;

    /// <summary>The most faults of each kind one run injects.</summary>
    public int BudgetPerKind { get; init; } = 25;

    /// <summary>The most timeouts one run injects (each costs a network timeout).</summary>
    public int TimeoutBudget { get; init; } = 12;

    /// <summary>When set, every request gets this fault (budgets ignored): for testing the proxy itself.</summary>
    public StorageFault? Only { get; init; }

    /// <summary>How long a "timed out" answer is held: longer than the client's network timeout.</summary>
    public TimeSpan ResponseDelay { get; init; } = TimeSpan.FromSeconds(3);
}
