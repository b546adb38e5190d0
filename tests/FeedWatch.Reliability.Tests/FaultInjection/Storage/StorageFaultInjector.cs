namespace FeedWatch.Reliability.Tests.FaultInjection.Storage;

/// <summary>
/// Decides, from one seeded random sequence shared by every proxied connection, which requests are faulted,
/// and counts what it injected. Thread-safe. Disabled until <see cref="Enabled"/> is set, so set-up traffic passes.
/// </summary>
public sealed class StorageFaultInjector(StorageFaultPlan plan)
{
    private static readonly StorageFault[] TransportFaults =
    [
        StorageFault.InternalError, StorageFault.ServerBusy, StorageFault.ServerBusyRetryAfter,
        StorageFault.Timeout, StorageFault.ResetMidRequest, StorageFault.ResetMidResponse,
    ];

    private readonly Lock _gate = new();
    private readonly Random _random = new(plan.Seed);
    private readonly Dictionary<StorageFault, int> _injected = Enum.GetValues<StorageFault>().ToDictionary(k => k, _ => 0);
    private long _requests;

    public StorageFaultPlan Plan { get; } = plan;

    public bool Enabled { get; set; } = true;

    public long Requests => Interlocked.Read(ref _requests);

    public IReadOnlyDictionary<StorageFault, int> Injected
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<StorageFault, int>(_injected);
            }
        }
    }

    public int TotalInjected => Injected.Where(k => k.Key != StorageFault.None).Sum(k => k.Value);

    public StorageFault Choose(StorageRequestHead head)
    {
        ArgumentNullException.ThrowIfNull(head);
        Interlocked.Increment(ref _requests);
        if (!Enabled)
        {
            return StorageFault.None;
        }

        lock (_gate)
        {
            if (Plan.Only is { } only)
            {
                return Count(only);
            }

            // A conditional blob write is where a concurrent writer hurts: let one get in first.
            if (head.Method == "PUT" && head.Header("If-Match") is not null && head.BlobName is not null &&
                Remaining(StorageFault.PreconditionRace) > 0 &&
                _random.NextDouble() < (head.BlobName.StartsWith("stories/", StringComparison.Ordinal) ? Plan.StoryRaceRate : Plan.OtherRaceRate))
            {
                return Count(StorageFault.PreconditionRace);
            }

            var rate = head.Method is "GET" or "HEAD" ? Plan.ReadRate : Plan.WriteRate;
            if (_random.NextDouble() >= rate)
            {
                return Count(StorageFault.None);
            }

            var available = TransportFaults.Where(k => Remaining(k) > 0).ToList();
            return Count(available.Count == 0 ? StorageFault.None : available[_random.Next(available.Count)]);
        }
    }

    public string Describe() =>
        string.Join(", ", Injected.Where(k => k.Key != StorageFault.None).Select(k => $"{k.Key} {k.Value}")) + $" (of {Requests} requests)";

    private int Remaining(StorageFault kind) =>
        (kind == StorageFault.Timeout ? Plan.TimeoutBudget : Plan.BudgetPerKind) - _injected[kind];

    private StorageFault Count(StorageFault kind)
    {
        _injected[kind]++;
        return kind;
    }
}
