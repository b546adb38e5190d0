using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace FeedWatch.Alerts.Tests.Support;

/// <summary>
/// A loopback stand-in for the Service Bus REST endpoint that checks a SAS token the way the broker does:
/// recomputes HMAC-SHA256(key, sr + "\n" + se) independently of the client code, checks the key name, the expiry and
/// that sr covers the requested entity. Answers 401 with the broker's XML error when anything is off, else <c>then</c>.
/// </summary>
public sealed class SasVerifyingServiceBus(string keyName, string key, Func<RecordedRequest, int, CannedResponse>? then = null)
{
    public LoopbackServer Start() => new(Respond);

    public List<string> Rejections { get; } = [];

    private CannedResponse Respond(RecordedRequest request, int number)
    {
        var problem = Check(request);
        if (problem is not null)
        {
            lock (Rejections) Rejections.Add(problem);
            return new CannedResponse(401, $"<Error><Code>401</Code><Detail>{problem}</Detail></Error>");
        }

        return then?.Invoke(request, number) ?? new CannedResponse(201);
    }

    private string? Check(RecordedRequest request)
    {
        if (!request.Headers.TryGetValue("Authorization", out var authorization)) return "no Authorization header";
        const string Scheme = "SharedAccessSignature ";
        if (!authorization.StartsWith(Scheme, StringComparison.Ordinal)) return "not a SharedAccessSignature";
        var fields = authorization[Scheme.Length..].Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "");
        if (!fields.TryGetValue("sr", out var encodedResource) || !fields.TryGetValue("sig", out var encodedSignature)
            || !fields.TryGetValue("se", out var expiry) || !fields.TryGetValue("skn", out var name))
            return "SAS token lacks sr, sig, se or skn";
        if (WebUtility.UrlDecode(name) != keyName) return "unknown key name " + name;
        if (DateTimeOffset.FromUnixTimeSeconds(long.Parse(expiry, CultureInfo.InvariantCulture)) <= DateTimeOffset.UtcNow) return "token expired";
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(encodedResource + "\n" + expiry)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(WebUtility.UrlDecode(encodedSignature))))
            return "signature mismatch";
        var resource = WebUtility.UrlDecode(encodedResource);
        var path = request.PathAndQuery.Split('?')[0].ToLowerInvariant();
        if (!new Uri(resource).AbsolutePath.TrimEnd('/').Split('/').Zip(path.Split('/')).All(pair => pair.First == pair.Second))
            return $"token for {resource} does not cover {path}";
        return null;
    }
}
