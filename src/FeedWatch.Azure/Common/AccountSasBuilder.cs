using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FeedWatch.Azure.Common;

/// <summary>
/// Builds an account shared access signature (signed with the account key) for the Blob and Queue services,
/// e.g. to hand a worker a time-limited credential instead of the key: use the result in a connection string's
/// SharedAccessSignature setting.
/// </summary>
public sealed record AccountSasBuilder(string AccountName, string AccountKey, DateTimeOffset ExpiresOn)
{
    /// <summary>Services: b = blob, q = queue.</summary>
    public string Services { get; init; } = "bq";

    /// <summary>Resource types: s = service, c = container/queue, o = object/message.</summary>
    public string ResourceTypes { get; init; } = "sco";

    /// <summary>Permissions in the service's canonical order: r w d l a c u p.</summary>
    public string Permissions { get; init; } = "rwdlacup";

    public DateTimeOffset? StartsOn { get; init; }

    /// <summary>"https" or "https,http" (the emulator speaks http).</summary>
    public string Protocol { get; init; } = "https";

    public string Version { get; init; } = StorageServiceVersion.Pinned;

    /// <summary>The query string (without '?').</summary>
    public string ToSasQuery()
    {
        var start = StartsOn is null ? string.Empty : Format(StartsOn.Value);
        var expiry = Format(ExpiresOn);
        var stringToSign = string.Join('\n', AccountName, Permissions, Services, ResourceTypes, start, expiry, string.Empty, Protocol, Version, string.Empty) + "\n";
        using var hmac = new HMACSHA256(Convert.FromBase64String(AccountKey));
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));

        var query = new List<string>
        {
            "sv=" + Version,
            "ss=" + Services,
            "srt=" + ResourceTypes,
            "sp=" + Permissions,
            "se=" + Uri.EscapeDataString(expiry),
        };
        if (StartsOn is not null)
        {
            query.Add("st=" + Uri.EscapeDataString(start));
        }

        query.Add("spr=" + Uri.EscapeDataString(Protocol));
        query.Add("sig=" + Uri.EscapeDataString(signature));
        return string.Join('&', query);
    }

    private static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
