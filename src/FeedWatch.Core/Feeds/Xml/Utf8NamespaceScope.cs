namespace FeedWatch.Core.Feeds.Xml;

/// <summary>
/// The namespace declarations in scope while the UTF-8 reader walks the document: a stack of (prefix, URI) bindings,
/// the innermost last; an element's declarations are dropped at its end tag by resetting <see cref="Count"/>.
/// </summary>
internal sealed class Utf8NamespaceScope
{
    public const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    private string[] prefixes = new string[16];
    private string[] uris = new string[16];

    /// <summary>
    /// Bindings in scope beyond which the reader declines: lookups walk the stack, so a hostile document declaring
    /// thousands of prefixes would make every element slow (real feeds declare a few dozen at most).
    /// </summary>
    public const int MaxBindings = 256;

    public int Count { get; set; }

    public void Declare(string prefix, string uri)
    {
        if (Count == prefixes.Length)
        {
            Array.Resize(ref prefixes, Count * 2);
            Array.Resize(ref uris, Count * 2);
        }

        prefixes[Count] = prefix;
        uris[Count] = uri;
        Count++;
    }

    /// <summary>The URI bound to a prefix ("" = the default namespace, "" when none is declared); null if undeclared.</summary>
    public string? Lookup(string prefix)
    {
        for (var i = Count - 1; i >= 0; i--)
        {
            if (string.Equals(prefixes[i], prefix, StringComparison.Ordinal))
            {
                return uris[i];
            }
        }

        return prefix.Length == 0 ? string.Empty : null;
    }

    /// <summary>Drops every binding (and the references to their strings) before the next document.</summary>
    public void Clear()
    {
        Array.Clear(prefixes, 0, Count);
        Array.Clear(uris, 0, Count);
        Count = 0;
    }
}
