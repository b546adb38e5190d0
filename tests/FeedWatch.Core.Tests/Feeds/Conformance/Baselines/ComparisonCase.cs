namespace FeedWatch.Core.Tests.Feeds.Conformance.Baselines;

/// <summary>One corpus input with the common-field expectations its reference parse gives.</summary>
internal sealed record ComparisonCase(string Corpus, string File, byte[] Bytes, bool NamespaceMix, IReadOnlyList<FieldCheck> Checks);
