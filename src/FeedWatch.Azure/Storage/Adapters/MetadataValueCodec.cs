using System.Text;

namespace FeedWatch.Azure.Storage.Adapters;

/// <summary>
/// Blob metadata travels in HTTP headers, which carry only printable ASCII and lose surrounding spaces. Other values
/// (titles with accents or curly quotes) are stored as RFC 2047-style "=?utf-8?b?…?=" words and decoded on read, so
/// the port round-trips any text while plain values stay readable in Storage Explorer.
/// </summary>
internal static class MetadataValueCodec
{
    private const string Prefix = "=?utf-8?b?";
    private const string Suffix = "?=";

    public static string Encode(string value)
    {
        var plain = value.Length == 0
            || (value.All(c => c is >= ' ' and <= '~') && value[0] != ' ' && value[^1] != ' ' && !value.StartsWith(Prefix, StringComparison.Ordinal));
        return plain ? value : Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + Suffix;
    }

    public static string Decode(string value)
    {
        if (!value.StartsWith(Prefix, StringComparison.Ordinal) || !value.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return value;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value[Prefix.Length..^Suffix.Length]));
        }
        catch (FormatException)
        {
            return value; // Someone wrote a value that merely looks encoded: show it as it is.
        }
    }

    public static Dictionary<string, string> EncodeAll(IReadOnlyDictionary<string, string> metadata) =>
        metadata.ToDictionary(pair => pair.Key, pair => Encode(pair.Value), StringComparer.Ordinal);

    public static Dictionary<string, string> DecodeAll(IReadOnlyDictionary<string, string> metadata) =>
        metadata.ToDictionary(pair => pair.Key, pair => Decode(pair.Value), StringComparer.Ordinal);
}
