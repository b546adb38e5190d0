using System.Text.RegularExpressions;

namespace FeedWatch.Core.Security;

/// <summary>
/// Removes secrets from text before it is logged or shown: storage connection-string keys (AccountKey,
/// SharedAccessKey, SharedAccessSignature, passwords), SAS signatures and other credential query parameters
/// (sig=, code=, token= …), credentials in URLs (user:pass@), Authorization header values, bearer tokens and JWTs,
/// webhook URLs of the well-known chat services, and any value registered with <see cref="AddKnownSecret"/>
/// (configured webhook URLs and connection strings that no pattern could recognise).
/// The names stay, the values go: "AccountKey=***", so a reader still sees which setting was involved.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "***";

    // NonBacktracking: redaction runs on every log line, including attacker-controlled text (URLs from feeds).
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    private static readonly Regex ConnectionStringSecret = new(
        @"\b(AccountKey|SharedAccessKey|SharedAccessSignature|Password|Pwd|ClientSecret|AccessKey|ApiKey)(\s*=\s*)[^;""'\s]+",
        Options);

    private static readonly Regex CredentialQueryParameter = new(
        @"([?&;](?:sig|signature|code|token|access_token|refresh_token|api[-_]?key|apikey|key|secret|client_secret|password|pwd)=)[^&#\s""'<>]+",
        Options);

    private static readonly Regex UrlUserInfo = new(@"\b([a-z][a-z0-9+.\-]*://)[^/\s:@""']+:[^/\s@""']+@", Options);

    private static readonly Regex AuthorizationValue = new(
        @"\b(Authorization[""']?\s*[:=]\s*[""']?)(Bearer|SharedKey|SharedKeyLite|Basic|SharedAccessSignature|Token)\s+[^\s,;""']+",
        Options);

    private static readonly Regex BearerToken = new(@"\b(Bearer\s+)[a-z0-9\-._~+/]{16,}=*", Options);

    private static readonly Regex JsonWebToken = new(@"\beyJ[a-z0-9_\-]{8,}\.eyJ[a-z0-9_\-]{8,}\.[a-z0-9_\-]{8,}", Options);

    // The whole path of these URLs is the credential: whoever has it can post.
    private static readonly Regex WebhookUrl = new(
        @"\b(https?://(?:hooks\.slack\.com/(?:services|workflows|triggers)|(?:[a-z0-9\-]+\.)?discord(?:app)?\.com/api/webhooks|[a-z0-9.\-]*\.webhook\.office\.com|outlook\.office\.com/webhook|hooks\.zapier\.com|[a-z0-9.\-]*\.logic\.azure\.com(?::\d+)?/workflows|api\.telegram\.org/bot))[^\s""'<>]*",
        Options);

    private readonly Lock _gate = new();
    private string[] _knownSecrets = [];

    /// <summary>The redactor the logging pipeline uses; configuration code registers its secrets here.</summary>
    public static SecretRedactor Shared { get; } = new();

    /// <summary>
    /// Registers a configured secret (a webhook URL, a connection string, a key) so that it is masked wherever it
    /// appears, even where no pattern would recognise it. Values shorter than 8 characters are ignored: masking
    /// every "true" or "1234" in the logs would hide more than it protects.
    /// </summary>
    public void AddKnownSecret(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length < 8)
        {
            return;
        }

        lock (_gate)
        {
            if (!_knownSecrets.Contains(secret, StringComparer.Ordinal))
            {
                // Longest first, so a secret containing another is masked whole.
                _knownSecrets = [.. _knownSecrets.Append(secret).OrderByDescending(s => s.Length)];
            }
        }
    }

    /// <summary>Returns <paramref name="text"/> with every recognised secret replaced by <see cref="Mask"/>.</summary>
    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return text;
        }

        var result = text;
        foreach (var secret in Volatile.Read(ref _knownSecrets))
        {
            result = result.Replace(secret, Mask, StringComparison.Ordinal);
        }

        result = WebhookUrl.Replace(result, "$1/" + Mask);
        result = ConnectionStringSecret.Replace(result, "$1$2" + Mask);
        result = CredentialQueryParameter.Replace(result, "$1" + Mask);
        result = UrlUserInfo.Replace(result, "$1" + Mask + "@");
        result = AuthorizationValue.Replace(result, "$1$2 " + Mask);
        result = BearerToken.Replace(result, "$1" + Mask);
        result = JsonWebToken.Replace(result, Mask);
        return result;
    }

    /// <summary>A URL safe to log: credentials in the user info, query and webhook paths masked.</summary>
    public string Redact(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Redact(url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString);
    }
}
