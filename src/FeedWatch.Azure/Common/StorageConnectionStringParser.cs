namespace FeedWatch.Azure.Common;

/// <summary>Splits "Key=Value;Key=Value" connection strings; values may contain '=' (base64 keys, SAS tokens).</summary>
public static class StorageConnectionStringParser
{
    public static IReadOnlyDictionary<string, string> Split(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"The storage connection string has a setting without a name or '=': '{Redact(part)}'.");
            }

            var key = part[..equals].Trim();
            if (!settings.TryAdd(key, part[(equals + 1)..].Trim()))
            {
                throw new FormatException($"The storage connection string sets '{key}' twice.");
            }
        }

        return settings;
    }

    private static string Redact(string part) => part.Length <= 12 ? part : part[..12] + "…";
}
