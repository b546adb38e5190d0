using System.Text;
using FeedWatch.Stories.Text;

namespace FeedWatch.Evaluation.Stories;

/// <summary>
/// Deterministic synthetic news-like articles for speed and memory benchmarks: 500–800 words in sentences of 12–28
/// words, function words at their natural rate, content words drawn Zipf-like from a 60,000-word invented vocabulary,
/// a few capitalised names and numbers. Same seed, same articles.
/// </summary>
public sealed class SyntheticArticles
{
    private const int Vocabulary = 60_000;
    private readonly string[] _words;
    private readonly string[] _stops = [.. StopWords.All.Where(w => w.Length > 1)];
    private readonly double[] _cumulative;

    public SyntheticArticles(int seed = 20260101)
    {
        var random = new Random(seed);
        _words = new string[Vocabulary];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Vocabulary; i++)
        {
            string word;
            do
            {
                var length = random.Next(4, 11);
                var chars = new char[length];
                for (var c = 0; c < length; c++)
                {
                    chars[c] = (char)('a' + random.Next(26));
                }

                word = new string(chars);
            }
            while (!seen.Add(word));

            _words[i] = word;
        }

        _cumulative = new double[Vocabulary];
        var sum = 0.0;
        for (var i = 0; i < Vocabulary; i++)
        {
            sum += 1.0 / Math.Pow(i + 10, 0.9);
            _cumulative[i] = sum;
        }

        for (var i = 0; i < Vocabulary; i++)
        {
            _cumulative[i] /= sum;
        }
    }

    public StoryArticle Create(long number)
    {
        var random = new Random(unchecked((int)StableHash.Mix((ulong)number)));
        var words = random.Next(500, 801);
        var text = new StringBuilder(words * 8);
        var sentenceLeft = 0;
        for (var w = 0; w < words; w++)
        {
            if (sentenceLeft == 0)
            {
                if (text.Length > 0)
                {
                    text.Append(". ");
                }

                sentenceLeft = random.Next(12, 29);
                text.Append(Capitalise(Content(random)));
                sentenceLeft--;
                continue;
            }

            text.Append(' ');
            var roll = random.NextDouble();
            if (roll < 0.45)
            {
                text.Append(_stops[random.Next(_stops.Length)]);
            }
            else if (roll < 0.5)
            {
                text.Append(Capitalise(_words[random.Next(Vocabulary)]));
            }
            else if (roll < 0.52)
            {
                text.Append(random.Next(2, 100_000));
            }
            else
            {
                text.Append(Content(random));
            }

            sentenceLeft--;
        }

        text.Append('.');
        var title = string.Join(' ', Enumerable.Range(0, 8).Select(_ => Content(random)));
        return new StoryArticle($"synthetic-{number}", $"outlet-{number % 5000}.example", null, DateTimeOffset.UnixEpoch.AddSeconds(number), title, text.ToString());
    }

    private string Content(Random random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        return _words[Math.Min(Vocabulary - 1, index < 0 ? ~index : index)];
    }

    private static string Capitalise(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
