using AngleSharp.Dom;

namespace FeedWatch.Core.Articles.Content;

/// <summary>
/// The attributes the boilerplate rules look at, read in one pass over the element's attribute list (asking for
/// each by name would scan the list once per question, for every element of the page).
/// </summary>
public readonly record struct ElementFacts(string Names, string? Style, string? Role, bool AriaHidden, bool Hidden, bool PaywallAttribute)
{
    public static ElementFacts Read(IElement element)
    {
        string? cls = null, id = null, style = null, role = null, itemprop = null;
        bool ariaHidden = false, hidden = false, paywall = false;
        var attributes = element.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var attribute = attributes[i]!;
            switch (attribute.LocalName)
            {
                case "class":
                    cls = attribute.Value;
                    break;
                case "id":
                    id = attribute.Value;
                    break;
                case "style":
                    style = attribute.Value;
                    break;
                case "itemprop":
                    itemprop = attribute.Value;
                    break;
                case "role":
                    role = attribute.Value;
                    break;
                case "aria-hidden":
                    ariaHidden = attribute.Value == "true";
                    break;
                case "hidden":
                    hidden = true;
                    break;
                case "data-paywall":
                    paywall = true;
                    break;
                case "subscriptions-section":
                    paywall = attribute.Value == "content-not-granted";
                    break;
            }
        }

        var names = itemprop is null
            ? (cls is null ? id ?? "" : id is null ? cls : cls + " " + id)
            : string.Join(' ', cls, id, itemprop);
        return new ElementFacts(names, style, role, ariaHidden, hidden, paywall);
    }
}
