using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace FeedWatch.Azure.ServiceBus;

/// <summary>
/// Builds Service Bus SAS tokens: "SharedAccessSignature sr={uri}&amp;sig={signature}&amp;se={expiry}&amp;skn={key name}", where
/// signature = Base64(HMAC-SHA256(key, UrlEncode(uri) + "\n" + expiry)) and expiry is in Unix seconds.
/// </summary>
public static class ServiceBusSharedAccessSignature
{
    public static string Create(string resourceUri, string keyName, string key, DateTimeOffset expiresOn)
    {
        ArgumentException.ThrowIfNullOrEmpty(resourceUri);
        ArgumentException.ThrowIfNullOrEmpty(keyName);
        ArgumentException.ThrowIfNullOrEmpty(key);
        var encodedUri = WebUtility.UrlEncode(resourceUri.ToLowerInvariant());
        var expiry = expiresOn.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Sign(key, encodedUri + "\n" + expiry);
        return $"SharedAccessSignature sr={encodedUri}&sig={WebUtility.UrlEncode(signature)}&se={expiry}&skn={WebUtility.UrlEncode(keyName)}";
    }

    /// <summary>Base64 HMAC-SHA256 of <paramref name="stringToSign"/> with the key's UTF-8 bytes (the key is used as given, not base64-decoded).</summary>
    public static string Sign(string key, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(stringToSign);
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(stringToSign)));
    }
}
