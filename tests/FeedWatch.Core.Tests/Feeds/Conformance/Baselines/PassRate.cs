using System.Globalization;

namespace FeedWatch.Core.Tests.Feeds.Conformance.Baselines;

/// <summary>A pass count over a total, printed as "96.7 % (1234/1276)".</summary>
internal sealed class PassRate
{
    public int Passed { get; private set; }

    public int Total { get; private set; }

    public double Value => Total == 0 ? 0 : Passed / (double)Total;

    public void Add(bool passed)
    {
        Total++;
        Passed += passed ? 1 : 0;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value * 100:0.0} % ({Passed}/{Total})");
}
