using FeedWatch.Core.Security;
using Microsoft.Extensions.Configuration;

namespace FeedWatch.Hosting.Configuration;

/// <summary>
/// Registers every configured secret with the redactor, so it is masked in logs even where no pattern recognises it:
/// values of keys named like a secret (…Key, …Secret, …Token, …Password, …ConnectionString, …Signature) anywhere in
/// the configuration, and every alert sink's URL (a webhook URL is its own credential).
/// </summary>
public static class ConfiguredSecrets
{
    private static readonly string[] SecretNameEndings = ["key", "secret", "token", "password", "connectionstring", "signature", "sas"];

    public static int Register(IConfiguration configuration, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(redactor);
        var registered = 0;
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrWhiteSpace(value) || !IsSecret(key))
            {
                continue;
            }

            redactor.AddKnownSecret(value);
            registered++;
        }

        return registered;
    }

    public static bool IsSecret(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = key[(key.LastIndexOf(':') + 1)..].ToLowerInvariant();
        if (SecretNameEndings.Any(name.EndsWith))
        {
            return true;
        }

        // FeedWatch:Alerts:Sinks:{name}:Url (webhook, chat) and similar endpoint settings of sinks.
        return key.StartsWith("FeedWatch:Alerts:Sinks:", StringComparison.OrdinalIgnoreCase) && name.EndsWith("url", StringComparison.Ordinal);
    }
}
