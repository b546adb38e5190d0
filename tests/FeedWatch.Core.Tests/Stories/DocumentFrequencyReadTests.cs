using FeedWatch.Stories.Fingerprints;
using FeedWatch.Stories.Index;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>The batched sketch read, the IDF memo and the term-frequency table give exactly the plain computations.</summary>
public sealed class DocumentFrequencyReadTests
{
    [Fact]
    public void Batched_frequencies_equal_one_by_one_reads()
    {
        var frequencies = new DocumentFrequencies();
        var random = new Random(5);
        var vocabulary = Enumerable.Range(0, 5_000).Select(_ => (uint)random.NextInt64(1, uint.MaxValue)).ToArray();
        for (var d = 0; d < 300; d++)
        {
            frequencies.Observe(vocabulary.OrderBy(_ => random.Next()).Take(random.Next(1, 400)).Distinct().ToArray());
        }

        // More terms than one internal chunk, with repeats and terms never observed.
        var terms = vocabulary.Concat(vocabulary.Take(700)).Concat(Enumerable.Range(1, 300).Select(i => (uint)i)).ToArray();
        var batched = new int[terms.Length];
        frequencies.Frequencies(terms, batched);

        Assert.Equal(terms.Select(frequencies.Frequency), batched);
        Assert.Contains(batched, f => f > 1);
        Assert.Throws<ArgumentException>(() => frequencies.Frequencies(terms, new int[terms.Length - 1]));
    }

    [Fact]
    public void Memoised_idf_is_the_logarithm_for_the_current_document_count()
    {
        var frequencies = new DocumentFrequencies();
        for (var documents = 0; documents < 40; documents++)
        {
            foreach (var frequency in new[] { 0, 1, 2, 7, 1_023, 1_024, 5_000 })
            {
                var expected = (float)Math.Log((frequencies.Documents + DocumentFrequencies.PriorDocuments) / (frequency + 1.0));
                Assert.Equal(expected, frequencies.IdfOf(frequency));
                Assert.Equal(expected, frequencies.IdfOf(frequency)); // the memoised read
            }

            // The count goes up and, now and then, back down: a memo entry must never outlive the count it was made for.
            frequencies.Observe([(uint)documents + 1]);
            if (documents % 7 == 6)
            {
                frequencies.Forget([(uint)documents + 1]);
            }
        }
    }

    [Fact]
    public void Damped_frequency_table_gives_the_logarithm_bit_for_bit()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 2_000).Select(q => q / 4f)
            .Concat(Enumerable.Range(0, 2_000).Select(_ => (float)(random.NextDouble() * 200)))
            .Concat([0.1f, 0.3f, 1.7f, 127.75f, 127.875f, 128f, 1e9f, float.Epsilon]);
        foreach (var tf in values)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(1f + MathF.Log(1f + tf)), BitConverter.SingleToInt32Bits(ArticleFingerprinter.DampedFrequency(tf)));
        }
    }
}
