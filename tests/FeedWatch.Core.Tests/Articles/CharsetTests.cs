using System.Text;
using FeedWatch.Core.Articles;
using FeedWatch.Core.Articles.Decoding;

namespace FeedWatch.Core.Tests.Articles;

public sealed class CharsetTests
{
    private const string Sentence = "Café crème, naïve façade: the señor paid 5 € at the bistro, déjà vu.";

    static CharsetTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Page(string head) => $"<html><head>{head}<title>t</title></head><body><article><p>{Sentence}</p><p>{Sentence}</p></article></body></html>";

    [Fact]
    public void Meta_charset_windows_1252_is_honoured()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(Page("<meta charset=\"windows-1252\">"));

        var decoded = HtmlByteDecoder.Decode(bytes, contentType: null, maxBytes: 1 << 20);

        Assert.Equal(CharsetSource.MetaTag, decoded.Source);
        Assert.Contains(Sentence, decoded.Text);
    }

    [Fact]
    public void Http_equiv_content_type_declares_the_charset()
    {
        var bytes = Encoding.GetEncoding("iso-8859-15").GetBytes(Page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-15\">"));

        var text = new ArticleExtractor().Extract(bytes).Text;

        Assert.Contains(Sentence, text);
    }

    [Fact]
    public void Http_header_wins_over_a_wrong_meta_tag()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes(Page("<meta charset=\"utf-8\">"));

        var decoded = HtmlByteDecoder.Decode(bytes, "text/html; charset=iso-8859-1", 1 << 20);

        Assert.Equal(CharsetSource.HttpHeader, decoded.Source);
        Assert.Contains(Sentence, decoded.Text);
    }

    [Fact]
    public void Byte_order_mark_wins_over_everything()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Page("<meta charset=\"windows-1252\">"))).ToArray();

        var decoded = HtmlByteDecoder.Decode(bytes, "text/html; charset=iso-8859-1", 1 << 20);

        Assert.Equal(CharsetSource.ByteOrderMark, decoded.Source);
        Assert.Contains(Sentence, decoded.Text);
        Assert.False(decoded.Text.StartsWith('\uFEFF'));
    }

    [Fact]
    public void Utf16_with_bom_is_decoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Page(""))).ToArray();

        Assert.Contains(Sentence, new ArticleExtractor().Extract(bytes).Text);
    }

    [Fact]
    public void Undeclared_utf8_is_detected()
    {
        var decoded = HtmlByteDecoder.Decode(Encoding.UTF8.GetBytes(Page("")), null, 1 << 20);

        Assert.Equal(CharsetSource.Detected, decoded.Source);
        Assert.Equal("utf-8", decoded.Encoding.WebName);
        Assert.Contains(Sentence, decoded.Text);
    }

    [Fact]
    public void Undeclared_legacy_western_bytes_are_read_as_windows_1252()
    {
        var decoded = HtmlByteDecoder.Decode(Encoding.GetEncoding(1252).GetBytes(Page("")), null, 1 << 20);

        Assert.Equal("windows-1252", decoded.Encoding.WebName);
        Assert.Contains(Sentence, decoded.Text);
    }

    [Fact]
    public void Undeclared_cyrillic_bytes_are_read_as_windows_1251()
    {
        const string russian = "Власти открыли шлюзы во вторник утром, сообщили официальные лица региона.";
        var bytes = Encoding.GetEncoding(1251).GetBytes($"<html><body><p>{russian}</p><p>{russian}</p></body></html>");

        var decoded = HtmlByteDecoder.Decode(bytes, null, 1 << 20);

        Assert.Equal("windows-1251", decoded.Encoding.WebName);
        Assert.Contains(russian, decoded.Text);
    }

    [Fact]
    public void Unknown_declared_label_falls_back_to_detection()
    {
        var decoded = HtmlByteDecoder.Decode(Encoding.UTF8.GetBytes(Page("<meta charset=\"no-such-charset\">")), null, 1 << 20);

        Assert.Equal(CharsetSource.Detected, decoded.Source);
        Assert.Contains(Sentence, decoded.Text);
    }
}
