using System.CommandLine;
using FeedWatch.Core.Stories;
using FeedWatch.Evaluation.Stories;
using FeedWatch.Stories;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch eval relations --pairs FILE.jsonl`: classifies each candidate against its source with the story engine's
/// relation classifier and prints the copy / rewrite / independent confusion matrix and accuracy.
/// </summary>
public static class EvalRelationsCommand
{
    public static Command Create()
    {
        var pairs = new Option<FileInfo>("--pairs") { Description = "Reuse pairs (JSON Lines: id, source, candidate, label ∈ cut|light|heavy|non).", Required = true };
        var verbose = new Option<bool>("--verbose") { Description = "Print the evidence for every pair." };
        var command = new Command("relations", "Score copy / rewrite / independent classification on labelled reuse pairs.") { pairs, verbose };
        command.SetAction(parse => Run(parse.GetValue(pairs)!, parse.GetValue(verbose)));
        return command;
    }

    private static int Run(FileInfo file, bool verbose)
    {
        if (!file.Exists)
        {
            Console.Error.WriteLine($"Pairs file not found: {file.FullName}");
            return 2;
        }

        IReadOnlyList<RelationPair> pairs;
        try
        {
            using var reader = file.OpenText();
            pairs = RelationEvaluation.Read(reader);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine($"{file.Name}: {ex.Message}");
            return 2;
        }

        var engine = new StoryEngine();
        if (verbose)
        {
            foreach (var pair in pairs)
            {
                var (relation, evidence) = engine.Classify(pair.Candidate, pair.Source);
                Console.WriteLine($"{pair.Id,-24} {pair.Label,-6} {relation,-12} containment={evidence.Containment:F3} reverse={evidence.ReverseContainment:F3} skeleton={evidence.Skeleton:F3} aligned={evidence.Aligned:F3} verbatim={evidence.Verbatim:F3} substituted={evidence.Substituted:F3}");
            }
        }

        var (confusion, accuracy) = RelationEvaluation.Evaluate(pairs, engine);
        var classes = RelationEvaluation.Classes;
        Console.WriteLine($"pairs: {pairs.Count} ({file.Name}); rows = gold, columns = predicted");
        Console.WriteLine($"{"",-12}" + string.Concat(classes.Select(c => $"{c,12}")));
        for (var g = 0; g < classes.Length; g++)
        {
            Console.WriteLine($"{classes[g],-12}" + string.Concat(Enumerable.Range(0, classes.Length).Select(p => $"{confusion[g, p],12}")));
        }

        Console.WriteLine($"accuracy   {accuracy:F4}");
        return 0;
    }
}
