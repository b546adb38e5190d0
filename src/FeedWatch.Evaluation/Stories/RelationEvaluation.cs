using System.Text.Json;
using FeedWatch.Core.Serialization;

namespace FeedWatch.Evaluation.Stories;

/// <summary>
/// Three-class reuse evaluation: cut → copy, light/heavy → rewrite, non → independent. The engine's spun class is a
/// kind of rewrite (reused wording, substituted words) and counts as rewrite here.
/// </summary>
public static class RelationEvaluation
{
    public static readonly string[] Classes = ["copy", "rewrite", "independent"];

    public static IReadOnlyList<RelationPair> Read(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var pairs = new List<RelationPair>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            RelationPair? pair;
            try
            {
                pair = JsonSerializer.Deserialize<RelationPair>(line, FeedWatchJson.Options);
            }
            catch (JsonException ex)
            {
                throw new FormatException($"Pairs line {lineNumber} is not valid JSON: {ex.Message}", ex);
            }

            if (pair is null || pair.Source is null || pair.Candidate is null || GoldClass(pair.Label) is null)
            {
                throw new FormatException($"Pairs line {lineNumber} needs source, candidate and a label of cut, light, heavy or non.");
            }

            pairs.Add(pair);
        }

        return pairs;
    }

    public static string? GoldClass(string? label) => label switch
    {
        "cut" => "copy",
        "light" or "heavy" => "rewrite",
        "non" => "independent",
        _ => null,
    };

    public static string PredictedClass(ReuseRelation relation) => relation switch
    {
        ReuseRelation.Copy => "copy",
        ReuseRelation.Rewrite or ReuseRelation.Spun => "rewrite",
        _ => "independent",
    };

    /// <summary>Confusion matrix [gold, predicted] over <see cref="Classes"/> and the accuracy.</summary>
    public static (int[,] Confusion, double Accuracy) Evaluate(IReadOnlyList<RelationPair> pairs, StoryEngine engine)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(engine);
        var confusion = new int[Classes.Length, Classes.Length];
        var correct = 0;
        foreach (var pair in pairs)
        {
            var gold = Array.IndexOf(Classes, GoldClass(pair.Label));
            var predicted = Array.IndexOf(Classes, PredictedClass(engine.Classify(pair.Candidate, pair.Source).Relation));
            confusion[gold, predicted]++;
            correct += gold == predicted ? 1 : 0;
        }

        return (confusion, pairs.Count == 0 ? 0 : (double)correct / pairs.Count);
    }
}
