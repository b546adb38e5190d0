namespace FeedWatch.Evaluation.Stories;

/// <summary>
/// One fold: the configuration is chosen on <see cref="Train"/> (the best mean objective) and reported on
/// <see cref="HeldOut"/>, which the choice never saw.
/// </summary>
public sealed record FoldSplit(string HeldOut, IReadOnlyList<string> Train);
