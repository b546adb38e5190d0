namespace FeedWatch.Evaluation.Articles;

/// <summary>A loaded benchmark: its name, folder, the pages scored and the ids left out (no gold text).</summary>
public sealed record ExtractionCorpusSet(string Name, string Directory, IReadOnlyList<ExtractionCorpusPage> Pages, IReadOnlyList<string> Skipped);
