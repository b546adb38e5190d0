using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using FeedWatch.Core.Feeds;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch parse-feed FILE [--url BASE_URL]`: prints the parsed feed as JSON (a stable contract used by external
/// checks). Exit 0 whenever a feed could be recovered; otherwise 1 with a one-line error on stderr.
/// </summary>
public static class ParseFeedCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The feed file (RSS, Atom, RDF or JSON Feed), read as bytes" };
        var url = new Option<string?>("--url") { Description = "The URL the feed came from: the base for relative links" };
        var command = new Command("parse-feed", "Parse a feed file and print it as JSON") { file, url };
        command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(url)));
        return command;
    }

    public static int Run(FileInfo file, string? url)
    {
        ArgumentNullException.ThrowIfNull(file);
        Uri? baseUrl = null;
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out baseUrl))
        {
            Console.Error.WriteLine($"error: --url '{url}' is not an absolute URL");
            return 2;
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: cannot read {file.FullName}: {ex.Message}");
            return 2;
        }

        ParsedFeed feed;
        try
        {
            feed = new FeedParser().Parse(bytes, baseUrl);
        }
        catch (FeedParseException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message.ReplaceLineEndings(" ")}");
            return 1;
        }

        using var stdout = Console.OpenStandardOutput();
        Write(feed, stdout);
        return 0;
    }

    public static void Write(ParsedFeed feed, Stream output)
    {
        ArgumentNullException.ThrowIfNull(feed);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("format", FormatName(feed.Format));
        w.WriteBoolean("wellFormed", feed.WellFormed);
        w.WriteStartArray("problems");
        foreach (var p in feed.Problems)
        {
            w.WriteStringValue(p);
        }

        w.WriteEndArray();
        w.WriteString("title", feed.Title);
        w.WriteString("link", feed.Link);
        w.WriteString("description", feed.Description);
        w.WriteString("language", feed.Language);
        WriteDate(w, "updated", feed.Updated);
        w.WriteStartArray("items");
        foreach (var item in feed.Items)
        {
            w.WriteStartObject();
            w.WriteString("id", item.Id);
            w.WriteString("title", item.Title);
            w.WriteString("link", item.Link);
            w.WriteString("summary", item.Summary);
            w.WriteString("content", item.Content);
            WriteDate(w, "published", item.Published);
            WriteDate(w, "updated", item.Updated);
            w.WriteStartArray("authors");
            foreach (var a in item.Authors)
            {
                w.WriteStartObject();
                w.WriteString("name", a.Name);
                w.WriteString("email", a.Email);
                w.WriteString("uri", a.Uri);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("categories");
            foreach (var c in item.Categories)
            {
                w.WriteStringValue(c);
            }

            w.WriteEndArray();
            w.WriteStartArray("enclosures");
            foreach (var e in item.Enclosures)
            {
                w.WriteStartObject();
                w.WriteString("url", e.Url);
                w.WriteString("type", e.Type);
                if (e.Length is { } length)
                {
                    w.WriteNumber("length", length);
                }
                else
                {
                    w.WriteNull("length");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.WriteByte((byte)'\n');
    }

    internal static string FormatName(FeedFormat format) => format switch
    {
        FeedFormat.Rss090 => "rss090",
        FeedFormat.Rss091 => "rss091",
        FeedFormat.Rss092 => "rss092",
        FeedFormat.Rss093 => "rss093",
        FeedFormat.Rss094 => "rss094",
        FeedFormat.Rss10 => "rss10",
        FeedFormat.Rss20 => "rss20",
        FeedFormat.Atom03 => "atom03",
        FeedFormat.Atom10 => "atom10",
        FeedFormat.JsonFeed10 => "json10",
        FeedFormat.JsonFeed11 => "json11",
        FeedFormat.Cdf => "cdf",
        _ => "unknown",
    };

    private static void WriteDate(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } d)
        {
            w.WriteString(name, d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
