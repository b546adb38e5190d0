using System.Net;

namespace FeedWatch.Core.Outlets;

/// <summary>
/// Names an outlet by the registrable domain of its URL: public-suffix aware, so news.bbc.co.uk and bbc.co.uk are one
/// outlet while example.co.uk and other.co.uk are two (see <see cref="PublicSuffixes"/>). Aliases that join several
/// domains into one outlet (bbc.com → bbc.co.uk) are applied by <see cref="OutletResolver"/>.
/// </summary>
public static class OutletKey
{
    public static string FromUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return FromHost(url.IdnHost);
    }

    public static string FromHost(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        host = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (host.Length == 0)
        {
            throw new ArgumentException("An outlet needs a host name.", nameof(host));
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return host; // an address has no registrable domain: it is its own outlet
        }

        var labels = host.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var suffix = PublicSuffixes.SuffixLabelCount(labels);
        var keep = Math.Min(labels.Length, suffix + 1);
        return string.Join('.', labels[^keep..]);
    }
}
