using System.Text;
using FeedWatch.Core.Feeds.Xml;

namespace FeedWatch.Core.Tests.Feeds.Xml;

/// <summary>
/// Each XML rule the byte-level reader implements, on small documents written for the purpose: the expected value is
/// asserted directly, and the whole tree must equal what StrictXmlReader (XmlReader) builds from the same bytes.
/// </summary>
public sealed class Utf8XmlTreeReaderRuleTests
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    // StrictXmlReader's nesting limit (MaxDepth): deeper documents go to the lenient reader.
    private const int MaxDepth = 512;

    private static readonly Uri DocumentUri = new("https://news.example/feeds/main.xml");

    [Fact]
    public void Line_ends_in_text_and_cdata_become_line_feeds()
    {
        var root = ReadBoth("<a>one\r\ntwo\rthree\n<![CDATA[four\r\nfive\r]]></a>");

        Assert.Equal("one\ntwo\nthree\nfour\nfive\n", root.Text);
    }

    [Fact]
    public void Attribute_values_turn_literal_tabs_and_line_ends_into_spaces_but_keep_character_references()
    {
        var root = ReadBoth("<a x=\"one\ttwo\r\nthree\rfour\nfive\" y='&#10;&#9;&#13;&#x20;' z=\"\"/>");

        Assert.Equal("one two three four five", root.Attribute("x"));
        Assert.Equal("\n\t\r ", root.Attribute("y"));
        Assert.Equal(string.Empty, root.Attribute("z"));
    }

    [Fact]
    public void Predefined_entities_and_character_references_are_decoded_in_text_and_attributes()
    {
        var root = ReadBoth("<a t=\"&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x1F600;\">&lt;p&gt; &amp;amp; &quot;q&quot; &apos;s&apos; &#65;&#x42;&#0000067;&#x1f600;</a>");

        Assert.Equal("<>&\"'AB\U0001F600", root.Attribute("t"));
        Assert.Equal("<p> &amp; \"q\" 's' ABC\U0001F600", root.Text);
    }

    /// <summary>
    /// Text is decoded 16 bytes at a time: references, line ends and multi-byte characters at every offset of a block
    /// and across block boundaries, in text and attribute values, must come out exactly as XmlReader reads them.
    /// </summary>
    [Fact]
    public void Mixed_runs_decode_alike_at_every_offset()
    {
        string[] pieces = ["a", "bcdefgh", " ", "é", "東京", "\U0001F600", "&amp;", "&lt;p&gt;", "&quot;", "&#233;", "&#x1F600;", "&#146;", "\r\n", "\r", "\n", "\t", "]", "]]", ">"];
        var random = new Random(7);
        for (var n = 0; n < 400; n++)
        {
            var text = new StringBuilder();
            var count = random.Next(0, 40);
            for (var k = 0; k < count; k++)
            {
                text.Append(pieces[random.Next(pieces.Length)]);
            }

            var run = text.ToString().Replace("]]>", "]] >", StringComparison.Ordinal);
            ReadBoth($"<a v=\"{run.Replace("\"", "&quot;", StringComparison.Ordinal)}\">{run}<b>{run}</b>{run}</a>");
        }
    }

    [Fact]
    public void C1_characters_in_text_mean_windows_1252_as_with_XmlReader()
    {
        var root = ReadBoth("<a t=\"&#146;\"><b>it&#146;s</b><c>it\u0092s</c></a>");

        Assert.Equal("it\u2019s", Child(root, "b").Text);
        Assert.Equal("it\u2019s", Child(root, "c").Text);
        Assert.Equal("\u0092", root.Attribute("t"));
    }

    [Fact]
    public void Namespaces_are_scoped_normalised_and_reported_with_their_prefixes()
    {
        var root = ReadBoth("""
            <rss xmlns:media="http://search.yahoo.com/mrss" xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
              <channel xmlns="urn:default">
                <media:content url="a.jpg" dc:note="n"/>
                <inner xmlns=""><dc:creator>Ann</dc:creator></inner>
                <x:y xmlns:x="urn:x" xmlns:dc="urn:other"><dc:creator/></x:y>
              </channel>
            </rss>
            """);

        Assert.Equal(
            [
                new XmlAttr(XmlnsNamespace, "media", "xmlns", "http://search.yahoo.com/mrss"),
                new XmlAttr(XmlnsNamespace, "dc", "xmlns", "http://purl.org/dc/elements/1.1/"),
                new XmlAttr("", "version", "", "2.0"),
            ],
            root.Attributes);
        var channel = Child(root, "channel");
        Assert.Equal("urn:default", channel.NamespaceUri);
        Assert.Equal(new XmlAttr(XmlnsNamespace, "xmlns", "", "urn:default"), Assert.Single(channel.Attributes));
        var media = Child(channel, "content");
        Assert.Equal((Namespaces.Media, "media"), (media.NamespaceUri, media.Prefix));
        Assert.Equal(new XmlAttr(Namespaces.DublinCore, "note", "dc", "n"), media.Attributes[1]);
        var inner = Child(channel, "inner");
        Assert.Equal("", inner.NamespaceUri);
        Assert.Equal(Namespaces.DublinCore, Child(inner, "creator").NamespaceUri);
        var y = Child(channel, "y");
        Assert.Equal(("urn:x", "x"), (y.NamespaceUri, y.Prefix));
        Assert.Equal("urn:other", Child(y, "creator").NamespaceUri);
    }

    [Fact]
    public void Xml_lang_is_inherited_and_xml_base_resolves_against_the_parent_and_the_document()
    {
        var root = ReadBoth("""<feed xml:lang="en" xml:base="/news/"><entry xml:base="2026/" xml:lang="fr-CA"><content xml:space="preserve">x</content></entry><entry/></feed>""");

        Assert.Equal(new Uri("https://news.example/news/"), root.BaseUri);
        Assert.Equal("en", root.Language);
        var entries = ElementList(root);
        Assert.Equal(new Uri("https://news.example/news/2026/"), entries[0].BaseUri);
        Assert.Equal("fr-CA", entries[0].Language);
        Assert.Equal("fr-CA", Child(entries[0], "content").Language);
        Assert.Equal("en", entries[1].Language);
        Assert.Equal(new XmlAttr(Namespaces.Xml, "lang", "xml", "en"), root.Attributes[0]);
    }

    [Fact]
    public void Text_cdata_and_text_around_comments_and_processing_instructions_merge_into_one_run()
    {
        var root = ReadBoth("<a>one <![CDATA[<b>two</b>]]> three<!-- skipped --> four<?pi skipped?> five</a>");

        Assert.Equal(1, root.Children.Count);
        Assert.Equal("one <b>two</b> three four five", root.Text);
    }

    [Fact]
    public void An_empty_cdata_section_is_an_empty_text_run_as_XmlReader_reports_it()
    {
        var root = ReadBoth("<a><![CDATA[]]></a>");

        Assert.Equal("", Assert.IsType<string>(Assert.Single(ChildList(root))));
    }

    [Fact]
    public void Whitespace_between_elements_is_kept_as_text_runs()
    {
        var root = ReadBoth("<a>\n  <b/>\n\t\t<c/>\r\n</a>");

        Assert.Equal(["\n  ", "b", "\n\t\t", "c", "\n"], ChildList(root).Select(c => c as string ?? ((XmlNode)c).LocalName));
    }

    [Fact]
    public void The_prolog_and_epilog_may_hold_a_declaration_comments_processing_instructions_and_whitespace()
    {
        var root = ReadBoth("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone='yes' ?>\n<!-- c --><?style x?>\n<a/>\n<!-- after -->\n<?pi?>\n");

        Assert.Equal("a", root.LocalName);
    }

    [Theory]
    [InlineData("<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\"/>")]
    [InlineData("<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE rss SYSTEM 'rss.dtd' >\n<?pi x?><rss/>")]
    [InlineData("<!DOCTYPE rss><rss/>")]
    public void A_document_type_declaration_without_an_internal_subset_is_skipped_as_XmlReader_skips_it(string xml)
    {
        Assert.Equal("rss", ReadBoth(xml).LocalName);
    }

    [Fact]
    public void Nesting_up_to_the_strict_readers_depth_limit_is_read_and_deeper_is_declined()
    {
        string Nested(int depth) => string.Concat(Enumerable.Repeat("<e>", depth)) + string.Concat(Enumerable.Repeat("</e>", depth));

        ReadBoth(Nested(MaxDepth));

        var tooDeep = Encoding.UTF8.GetBytes(Nested(MaxDepth + 1));
        Assert.Null(Utf8XmlTreeReader.TryRead(tooDeep, DocumentUri));
        Assert.Throws<System.Xml.XmlException>(() => StrictXmlReader.Read(new MemoryStream(tooDeep), DocumentUri));
    }

    [Fact]
    public void Name_characters_are_the_ascii_ones_of_the_xml_name_production()
    {
        var root = ReadBoth("<_a-b.c9 d_e.f-1=\"v\" Z=\"w\"><x:A9 xmlns:x=\"urn:x\"/></_a-b.c9>");

        Assert.Equal("_a-b.c9", root.LocalName);
        Assert.Equal(["d_e.f-1", "Z"], root.Attributes.Select(a => a.LocalName));
        foreach (var bad in new[] { "<1a/>", "<-a/>", "<.a/>", "<a b$=\"1\"/>", "<a:1 xmlns:a=\"urn:a\"/>", "<:a/>" })
        {
            Assert.True(Utf8XmlTreeReader.TryRead(Encoding.UTF8.GetBytes(bad), DocumentUri) is null, bad);
        }
    }

    /// <summary>Documents XmlReader rejects: the reader must decline them all (else a broken feed would pass as well-formed).</summary>
    [Theory]
    [InlineData("undefined entity", "<a>&nbsp;</a>")]
    [InlineData("bare ampersand", "<a>fish & chips</a>")]
    [InlineData("undeclared prefix", "<a><dc:creator>x</dc:creator></a>")]
    [InlineData("undeclared attribute prefix", "<a q:x=\"1\"/>")]
    [InlineData("mismatched end tag", "<a><b></a></b>")]
    [InlineData("unclosed root", "<a><b/>")]
    [InlineData("end tag prefix of the start tag", "<abc></ab>")]
    [InlineData("duplicate attribute", "<a x=\"1\" x=\"2\"/>")]
    [InlineData("duplicate attribute by expanded name", "<a xmlns:p=\"urn:u\" xmlns:q=\"urn:u\" p:x=\"1\" q:x=\"2\"/>")]
    [InlineData("duplicate namespace declaration", "<a xmlns:p=\"urn:u\" xmlns:p=\"urn:u\"/>")]
    [InlineData("less-than in an attribute", "<a x=\"1<2\"/>")]
    [InlineData("cdata end in text", "<a>x ]]> y</a>")]
    [InlineData("double hyphen in a comment", "<a><!-- x -- y --></a>")]
    [InlineData("comment ending in a hyphen", "<a><!-- x ---></a>")]
    [InlineData("control character", "<a>x\u0001y</a>")]
    [InlineData("control character in an attribute", "<a x=\"\u001B\"/>")]
    [InlineData("U+FFFE", "<a>x\uFFFEy</a>")]
    [InlineData("U+FFFF in a comment", "<a><!-- \uFFFF --></a>")]
    [InlineData("reference to NUL", "<a>&#0;</a>")]
    [InlineData("reference to a surrogate", "<a>&#xD800;</a>")]
    [InlineData("reference beyond Unicode", "<a>&#x110000;</a>")]
    [InlineData("reference to U+FFFE", "<a>&#xFFFE;</a>")]
    [InlineData("uppercase X in a hex reference", "<a>&#X41;</a>")]
    [InlineData("unterminated reference", "<a>&#65</a>")]
    [InlineData("text after the root", "<a/>tail")]
    [InlineData("text before the root", "lead<a/>")]
    [InlineData("second root", "<a/><b/>")]
    [InlineData("second XML declaration", "<?xml version=\"1.0\"?><?xml version=\"1.0\"?><a/>")]
    [InlineData("declaration without version", "<?xml encoding=\"utf-8\"?><a/>")]
    [InlineData("missing space between attributes", "<a x=\"1\"y=\"2\"/>")]
    [InlineData("unquoted attribute", "<a x=1/>")]
    [InlineData("space after the less-than", "< a/>")]
    [InlineData("empty prefix declaration", "<a xmlns:p=\"\"/>")]
    [InlineData("name with two colons", "<a:b:c xmlns:a=\"urn:a\"/>")]
    [InlineData("no root", "<!-- nothing -->")]
    [InlineData("cdata outside the root", "<![CDATA[x]]><a/>")]
    [InlineData("invalid xml:space", "<a xml:space=\"sometimes\"/>")]
    [InlineData("doctype after the root", "<a/><!DOCTYPE a>")]
    [InlineData("doctype before the declaration", "<!DOCTYPE a><?xml version=\"1.0\"?><a/>")]
    [InlineData("doctype without a name", "<!DOCTYPE><a/>")]
    [InlineData("public doctype without a system literal", "<!DOCTYPE a PUBLIC \"-//x//EN\"><a/>")]
    public void Documents_XmlReader_rejects_are_declined(string why, string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);

        Assert.Throws<System.Xml.XmlException>(() => StrictXmlReader.Read(new MemoryStream(bytes), DocumentUri));
        Assert.True(Utf8XmlTreeReader.TryRead(bytes, DocumentUri) is null, why);
    }

    /// <summary>Well-formed input the reader leaves to XmlReader on purpose (rare in feeds, and not worth the risk).</summary>
    [Theory]
    [InlineData("doctype with an internal subset", "<!DOCTYPE rss [<!ENTITY e \"x\">]><rss>&e;</rss>")]
    [InlineData("doctype with an empty internal subset", "<!DOCTYPE rss []><rss/>")]
    [InlineData("two doctypes (XmlReader ignores the second)", "<!DOCTYPE a><!DOCTYPE a><a/>")]
    [InlineData("non-ascii element name", "<café/>")]
    [InlineData("other declared encoding", "<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><a/>")]
    [InlineData("byte-order mark (the caller strips it)", "\uFEFF<a/>")]
    public void Some_well_formed_documents_are_left_to_XmlReader(string why, string xml)
    {
        Assert.True(Utf8XmlTreeReader.TryRead(Encoding.UTF8.GetBytes(xml), DocumentUri) is null, why);
    }

    /// <summary>
    /// Hostile shapes that would make the reader's fixed-size tables slow are left to XmlReader: a flood of distinct
    /// names, and thousands of namespace bindings in scope. Real feeds stay far below both limits.
    /// </summary>
    [Fact]
    public void Floods_of_distinct_names_or_namespace_bindings_are_declined()
    {
        var names = new StringBuilder("<root>");
        for (var i = 0; i < 10_000; i++)
        {
            names.Append("<name").Append(i).Append("/>");
        }

        names.Append("</root>");
        Assert.Null(Utf8XmlTreeReader.TryRead(Encoding.UTF8.GetBytes(names.ToString()), DocumentUri));

        var bindings = new StringBuilder();
        for (var depth = 0; depth < 8; depth++)
        {
            bindings.Append("<e");
            for (var k = 0; k < 40; k++)
            {
                bindings.Append(" xmlns:p").Append(k).Append("=\"urn:").Append(depth).Append(':').Append(k).Append('"');
            }

            bindings.Append('>');
        }

        bindings.Append(string.Concat(Enumerable.Repeat("</e>", 8)));
        var bindingBytes = Encoding.UTF8.GetBytes(bindings.ToString());
        Assert.Null(Utf8XmlTreeReader.TryRead(bindingBytes, DocumentUri));
        Assert.NotNull(StrictXmlReader.Read(new MemoryStream(bindingBytes), DocumentUri));

        // After the flood the reader is back to normal: the tables are replaced once a document is done.
        Assert.Equal("x", ReadBoth("<a xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>x</dc:title></a>").Text);
    }

    [Fact]
    public void Invalid_utf8_is_declined()
    {
        Assert.Null(Utf8XmlTreeReader.TryRead([(byte)'<', (byte)'a', (byte)'>', 0xC3, 0x28, (byte)'<', (byte)'/', (byte)'a', (byte)'>'], DocumentUri));
    }

    private static XmlNode ReadBoth(string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        var ours = Utf8XmlTreeReader.TryRead(bytes, DocumentUri);
        Assert.NotNull(ours);
        var strict = StrictXmlReader.Read(new MemoryStream(bytes), DocumentUri);
        Assert.Null(XmlTreeComparer.FirstDifference(strict, ours));
        return ours;
    }

    private static XmlNode Child(XmlNode parent, string localName) => ElementList(parent).Single(e => e.LocalName == localName);

    private static List<XmlNode> ElementList(XmlNode parent)
    {
        var list = new List<XmlNode>();
        foreach (var e in parent.Elements())
        {
            list.Add(e);
        }

        return list;
    }

    private static List<object> ChildList(XmlNode parent)
    {
        var list = new List<object>();
        foreach (var c in parent.Children)
        {
            list.Add(c);
        }

        return list;
    }
}
