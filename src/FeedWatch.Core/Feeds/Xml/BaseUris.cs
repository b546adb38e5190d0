namespace FeedWatch.Core.Feeds.Xml;

/// <summary>Resolves xml:base values and links against the base in scope; never throws on junk URLs.</summary>
public static class BaseUris
{
    public static Uri? Combine(Uri? baseUri, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return baseUri;
        }

        value = value.Trim();
        if (baseUri is not null && Uri.TryCreate(baseUri, value, out var combined))
        {
            return combined;
        }

        return TryAbsolute(value, out var absolute) ? absolute : baseUri;
    }

    /// <summary>A link as it should be stored: absolute when a base is known, otherwise as written.</summary>
    public static string? Resolve(Uri? baseUri, string? value)
    {
        value = value?.Trim();
        if (value is null)
        {
            return null;
        }

        value = value.Trim();
        if (value.Length == 0)
        {
            return baseUri?.ToString();
        }

        if (TryAbsolute(value, out _))
        {
            return value;
        }

        if (baseUri is not null && Uri.TryCreate(baseUri, value, out var combined))
        {
            return combined.ToString();
        }

        return value;
    }

    /// <summary>Absolute only when a scheme is written: on Unix "/path" would otherwise parse as a file URI.</summary>
    public static bool TryAbsolute(string value, out Uri uri)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var parsed) && parsed.Scheme.Length > 1
            && value.Length > parsed.Scheme.Length && value[parsed.Scheme.Length] == ':'
            && value.StartsWith(parsed.Scheme, StringComparison.OrdinalIgnoreCase))
        {
            uri = parsed;
            return true;
        }

        uri = null!;
        return false;
    }
}
