using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FeedWatch.Azure.Common;

/// <summary>
/// The Shared Key string-to-sign for the Blob and Queue services (versions 2009-09-19 and later) and its
/// HMAC-SHA256 signature. Kept separate from the pipeline policy so it can be checked against hand-built vectors.
/// </summary>
public static class SharedKeySigner
{
    // The standard headers that take a fixed line each, in the order the service puts them in the string to sign.
    private static readonly string[] StandardHeaders =
    [
        "Content-Encoding", "Content-Language", "Content-Length", "Content-MD5", "Content-Type", "Date",
        "If-Modified-Since", "If-Match", "If-None-Match", "If-Unmodified-Since", "Range",
    ];

    public static string Sign(string accountName, string accountKey, string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, long contentLength)
    {
        var stringToSign = BuildStringToSign(accountName, method, uri, headers, contentLength);
        using var hmac = new HMACSHA256(Convert.FromBase64String(accountKey));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string BuildStringToSign(string accountName, string method, Uri uri, IEnumerable<KeyValuePair<string, string>> headers, long contentLength)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var all = headers.ToList();
        var builder = new StringBuilder();
        builder.Append(method.ToUpperInvariant()).Append('\n');
        foreach (var standard in StandardHeaders)
        {
            var value = standard == "Content-Length"
                ? (contentLength > 0 ? contentLength.ToString(CultureInfo.InvariantCulture) : string.Empty)
                : Find(all, standard);
            builder.Append(value).Append('\n');
        }

        AppendCanonicalizedHeaders(builder, all);
        AppendCanonicalizedResource(builder, accountName, uri);
        return builder.ToString();
    }

    private static string Find(List<KeyValuePair<string, string>> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value ?? string.Empty;

    private static void AppendCanonicalizedHeaders(StringBuilder builder, List<KeyValuePair<string, string>> headers)
    {
        var msHeaders = headers
            .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: UnfoldWhitespace(h.Value)))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in msHeaders)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    private static void AppendCanonicalizedResource(StringBuilder builder, string accountName, Uri uri)
    {
        // The path is signed as sent (percent-encoded); on the emulator's path-style URLs it already starts with the account.
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath.Length == 0 ? "/" : uri.AbsolutePath);
        var parameters = ParseQuery(uri.Query)
            .GroupBy(p => p.Key.ToLowerInvariant(), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in parameters)
        {
            var values = group.Select(p => p.Value).Order(StringComparer.Ordinal);
            builder.Append('\n').Append(group.Key).Append(':').Append(string.Join(',', values));
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            var value = equals < 0 ? string.Empty : pair[(equals + 1)..];
            yield return new(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value));
        }
    }

    private static string UnfoldWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var inSpace = false;
        foreach (var c in value.Trim())
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                if (!inSpace)
                {
                    builder.Append(' ');
                }

                inSpace = true;
            }
            else
            {
                builder.Append(c);
                inSpace = false;
            }
        }

        return builder.ToString();
    }
}
