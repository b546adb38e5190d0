using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;

namespace FeedWatch.Stories.Scoring;

/// <summary>
/// An article's topic vector with IDF applied once per match (not once per candidate), plus its norm and the mass of
/// its names and numbers. <c>knownFrequencies</c>: the document frequency of each term, when the caller has just read
/// them (the same figures <see cref="DocumentFrequencies.Idf"/> would read).
/// </summary>
internal sealed class WeightedTopic
{
    public WeightedTopic(TopicVector topic, DocumentFrequencies frequencies, int[]? knownFrequencies = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(frequencies);
        Terms = topic.Terms;
        Kinds = topic.Kinds;
        Weights = new float[topic.Count];
        double norm = 0, names = 0;
        for (var i = 0; i < topic.Count; i++)
        {
            var idf = knownFrequencies is null ? frequencies.Idf(topic.Terms[i]) : frequencies.IdfOf(knownFrequencies[i]);
            var w = topic.Weights[i] * idf;
            Weights[i] = w;
            norm += w * w;
            if (topic.Kinds[i] != TermKind.Word)
            {
                names += w;
            }
        }

        Norm = Math.Sqrt(norm);
        NameMass = names;
    }

    public uint[] Terms { get; }

    public float[] Weights { get; }

    public TermKind[] Kinds { get; }

    public double Norm { get; }

    public double NameMass { get; }
}
