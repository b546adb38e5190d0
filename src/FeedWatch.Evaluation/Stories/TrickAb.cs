using FeedWatch.Stories;

namespace FeedWatch.Evaluation.Stories;

/// <summary>Turns one of the engine's low-level tricks on or off, for an in-process A/B of its speed.</summary>
public static class TrickAb
{
    public static IReadOnlyList<string> Names { get; } = ["touch"];

    public static void Set(string name, bool on)
    {
        switch (name)
        {
            case "touch":
                TrickSwitches.Touch = on;
                break;
            default:
                throw new ArgumentException($"Unknown trick \"{name}\"; known: {string.Join(", ", Names)}.", nameof(name));
        }
    }
}
