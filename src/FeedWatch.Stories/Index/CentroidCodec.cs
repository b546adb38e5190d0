using System.Runtime.CompilerServices;

namespace FeedWatch.Stories.Index;

/// <summary>
/// 8-bit log-scale codes for a centroid term's weight and IDF (one byte each where IEEE half precision took two).
/// Weights are coded relative to the story's largest weight (its scale), 20 codes per octave over 12.7 octaves; IDF
/// on a fixed scale up to 16 (an IDF of a corpus of 8 million stories), 20 codes per octave down to 0.0024. Either
/// value is within ±1.75 % of the original. Decoding is a table look-up. Decoded values encode back to the same code
/// (tested), so a story written to a profile and reloaded holds exactly the same codes: values are rounded once, on
/// the way in, and every later computation (norms, name mass, the persisted profile) uses the rounded values.
/// </summary>
internal static class CentroidCodec
{
    private const int CodesPerOctave = 20;
    private const int MaxCode = 255;

    // IDF code c stands for 2^((c - IdfZero) / 20): code 255 is 2^4 = 16.
    private const int IdfZero = MaxCode - (4 * CodesPerOctave);

    private static readonly float[] Relative = BuildTable(MaxCode);
    private static readonly float[] IdfValues = BuildTable(IdfZero);

    /// <summary>The weight code 0 is a weight of 0; every positive weight keeps at least code 1.</summary>
    public static byte EncodeWeight(float weight, float scale)
    {
        if (!(weight > 0) || !(scale > 0))
        {
            return 0;
        }

        return Encode(weight / scale, MaxCode);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float DecodeWeight(byte code, float scale) => scale * Relative[code];

    /// <summary>
    /// Non-positive and tiny IDF (a term nearly every story has; count-min over-estimates can even push it below 0)
    /// keep the smallest positive code, so "has a positive IDF" survives the rounding and a reload uses the stored IDF.
    /// </summary>
    public static byte EncodeIdf(float idf) => idf > 0 ? Encode(idf, IdfZero) : (byte)1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float DecodeIdf(byte code) => IdfValues[code];

    /// <summary>The weight scale of a centroid: its largest weight (coded as 255), or 0 for an empty or all-zero one.</summary>
    public static float ScaleOf(ReadOnlySpan<float> weights)
    {
        var max = 0f;
        foreach (var w in weights)
        {
            if (w > max)
            {
                max = w;
            }
        }

        return float.IsFinite(max) ? max : float.MaxValue;
    }

    private static byte Encode(double value, int zero)
    {
        var code = zero + Math.Round(Math.Log2(value) * CodesPerOctave);
        return (byte)Math.Clamp(code, 1, MaxCode);
    }

    private static float[] BuildTable(int zero)
    {
        var table = new float[MaxCode + 1];
        for (var c = 1; c <= MaxCode; c++)
        {
            table[c] = (float)Math.Pow(2, (c - zero) / (double)CodesPerOctave);
        }

        return table;
    }
}
