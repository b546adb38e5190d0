using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Tests.Feeds.Xml;

/// <summary>Structural comparison of two element trees; names the first difference so a failing test says where.</summary>
internal static class XmlTreeComparer
{
    /// <summary>Null when the trees are identical, otherwise a path and what differs there.</summary>
    public static string? FirstDifference(XmlNode expected, XmlNode actual) => Compare(expected, actual, "/" + expected.LocalName);

    private static string? Compare(XmlNode e, XmlNode a, string path)
    {
        if (e.NamespaceUri != a.NamespaceUri || e.LocalName != a.LocalName || e.Prefix != a.Prefix)
        {
            return $"{path}: name {{{e.NamespaceUri}}}{e.Prefix}:{e.LocalName} vs {{{a.NamespaceUri}}}{a.Prefix}:{a.LocalName}";
        }

        if (e.BaseUri?.OriginalString != a.BaseUri?.OriginalString || e.BaseUri?.ToString() != a.BaseUri?.ToString())
        {
            return $"{path}: base {e.BaseUri} vs {a.BaseUri}";
        }

        if (e.Language != a.Language)
        {
            return $"{path}: language {e.Language} vs {a.Language}";
        }

        if (e.Attributes.Count != a.Attributes.Count)
        {
            return $"{path}: {e.Attributes.Count} attributes vs {a.Attributes.Count}";
        }

        for (var i = 0; i < e.Attributes.Count; i++)
        {
            if (e.Attributes[i] != a.Attributes[i])
            {
                return $"{path}: attribute {i}: {e.Attributes[i]} vs {a.Attributes[i]}";
            }
        }

        var ec = e.Children;
        var ac = a.Children;
        if (ec.Count != ac.Count)
        {
            return $"{path}: {ec.Count} children vs {ac.Count}";
        }

        for (var i = 0; i < ec.Count; i++)
        {
            switch (ec[i], ac[i])
            {
                case (string es, string @as) when es == @as:
                    break;
                case (XmlNode en, XmlNode an):
                    if (Compare(en, an, $"{path}/{en.LocalName}[{i}]") is { } difference)
                    {
                        return difference;
                    }

                    break;
                default:
                    return $"{path}: child {i}: {Show(ec[i])} vs {Show(ac[i])}";
            }
        }

        return null;
    }

    private static string Show(object child) => child is string s ? $"text \"{s.ReplaceLineEndings("\\n")}\"" : $"<{((XmlNode)child).LocalName}>";
}
