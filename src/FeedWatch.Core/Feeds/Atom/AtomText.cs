using System.Text;
using FeedWatch.Core.Feeds.Extensions;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Feeds.Atom;

/// <summary>
/// Reads an Atom text construct: type text/html give the (entity-decoded) text, xhtml the markup inside its wrapping
/// div; Atom 0.3 mode="base64" is decoded, mode="xml" is inline markup.
/// </summary>
public static class AtomText
{
    public static string Read(XmlNode e)
    {
        var type = e.Attribute("type")?.Trim().ToLowerInvariant();
        var mode = e.Attribute("mode")?.Trim().ToLowerInvariant();
        if (mode == "base64")
        {
            try
            {
                return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(e.Text.Trim()));
            }
            catch (FormatException)
            {
                return e.Text.Trim();
            }
        }

        if (type is "xhtml" or "application/xhtml+xml")
        {
            foreach (var child in e.Children)
            {
                if (child is XmlNode div && div.LocalName == "div")
                {
                    return div.InnerMarkup().Trim();
                }
            }
        }

        return TextValues.Markup(e);
    }
}
