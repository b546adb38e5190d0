namespace FeedWatch.Stories.Promotion;

/// <summary>
/// What one article did to its story's spread: <see cref="IsOrigin"/> (it started the story), <see cref="IsNewOutlet"/>
/// (first article of this outlet after the origin: raise one spread alert), <see cref="Promoted"/> (the promotion rule
/// fired with this article).
/// </summary>
internal sealed record SpreadObservation(bool IsOrigin, bool IsNewOutlet, bool Promoted);
