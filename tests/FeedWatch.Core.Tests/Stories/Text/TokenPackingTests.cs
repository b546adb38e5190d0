using FeedWatch.Stories.Text;

namespace FeedWatch.Core.Tests.Stories.Text;

/// <summary>A token's length and flags share one field: every value survives, and a token is 24 bytes.</summary>
public sealed class TokenPackingTests
{
    [Fact]
    public void Length_and_flags_round_trip_through_the_constructor_with_and_deconstruction()
    {
        var random = new Random(3);
        foreach (var length in new[] { 0, 1, 63, 64, 65, 255, 256, 65_535, 65_536, Token.MaxLength - 1, Token.MaxLength })
        {
            for (var f = 0; f < 32; f++)
            {
                var flags = (TokenFlags)f;
                var hash = (ulong)random.NextInt64();
                var stem = (ulong)random.NextInt64();
                var start = random.Next();
                var token = new Token(hash, stem, start, length, flags);
                Assert.Equal((hash, stem, start, length, flags), (token.Hash, token.Stem, token.Start, token.Length, token.Flags));
                var (h, s, st, l, fl) = token;
                Assert.Equal((hash, stem, start, length, flags), (h, s, st, l, fl));

                // `with` changes one of the two packed fields and leaves the other alone.
                var otherFlags = (TokenFlags)(31 - f);
                Assert.Equal((length, otherFlags), ((token with { Flags = otherFlags }).Length, (token with { Flags = otherFlags }).Flags));
                Assert.Equal((7, flags), ((token with { Length = 7 }).Length, (token with { Length = 7 }).Flags));
                Assert.Equal(token, new Token(hash, stem, start, length, flags));
                Assert.NotEqual(token, token with { Flags = otherFlags });
                Assert.StartsWith($"Token {{ Hash = {hash}, Stem = {stem}, Start = {start}, Length = {length}, Flags = {flags}, IsStop = ", token.ToString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_length_outside_24_bits_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Token(1, 2, 3, Token.MaxLength + 1, TokenFlags.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Token(1, 2, 3, -1, TokenFlags.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Token(1, 2, 3, 4, TokenFlags.Stop) with { Length = Token.MaxLength + 1 });
    }

    [Fact]
    public void A_word_longer_than_the_longest_token_is_cut_there_and_the_rest_is_the_next_token()
    {
        var text = "Before " + new string('x', Token.MaxLength + 10) + " after";
        var tokens = TextAnalyzer.Analyze(text, int.MaxValue).Tokens;
        Assert.Equal(4, tokens.Length);
        Assert.Equal((7, Token.MaxLength), (tokens[1].Start, tokens[1].Length));
        Assert.Equal((7 + Token.MaxLength, 10), (tokens[2].Start, tokens[2].Length));
        Assert.Equal(tokens[0].Hash, TextAnalyzer.Analyze("before").Tokens[0].Hash);
        Assert.Equal(TextAnalyzer.Analyze("after").Tokens[0].Hash, tokens[3].Hash);
    }
}
