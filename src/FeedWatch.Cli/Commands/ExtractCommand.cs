using System.CommandLine;
using System.IO.Compression;
using System.Text.Json;
using FeedWatch.Core.Articles;
using FeedWatch.Core.Serialization;

namespace FeedWatch.Cli.Commands;

/// <summary>
/// `feedwatch extract FILE... [--url URL]`: one file prints one JSON object, several print JSON Lines with
/// "file" added. The field set is a stable contract used by external checks, so it is written explicitly here
/// rather than by serialising <see cref="ExtractedArticle"/> (whose members may grow).
/// </summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE") { Arity = ArgumentArity.OneOrMore, Description = "HTML files (.gz is decompressed)." };
        var url = new Option<string?>("--url") { Description = "The page URL: resolves relative links and feeds URL-based dates." };
        var command = new Command("extract", "Extract an article page's main text and metadata as JSON.") { files, url };
        command.SetAction(parse =>
        {
            var raw = parse.GetValue(url);
            Uri? pageUrl = null;
            if (raw is not null && !Uri.TryCreate(raw, UriKind.Absolute, out pageUrl))
            {
                Console.Error.WriteLine($"extract: --url '{raw}' is not an absolute URL");
                return 2;
            }

            return Run(parse.GetValue(files) ?? [], pageUrl, Console.Out, Console.Error);
        });
        return command;
    }

    public static int Run(IReadOnlyList<FileInfo> files, Uri? url, TextWriter output, TextWriter errors)
    {
        var extractor = new ArticleExtractor();
        var single = files.Count == 1;
        var failures = 0;
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                bytes = Read(file);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                errors.WriteLine($"extract: cannot read '{file.FullName}': {ex.Message}");
                failures++;
                continue;
            }

            var article = extractor.Extract(bytes, url);
            output.WriteLine(ToJson(article, single ? null : file.ToString()));
        }

        return failures == 0 ? 0 : 1;
    }

    /// <summary>The largest page extract reads, before or after decompression: the fetcher's own body limit (16 MiB).</summary>
    public const long MaxPageBytes = 16 * 1024 * 1024;

    private static byte[] Read(FileInfo file)
    {
        if (file.Length > MaxPageBytes)
        {
            throw new InvalidDataException($"the file is larger than {MaxPageBytes / (1024 * 1024)} MiB");
        }

        var bytes = File.ReadAllBytes(file.FullName);
        var gzipped = file.Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || (bytes.Length > 2 && bytes[0] == 0x1F && bytes[1] == 0x8B);
        if (!gzipped)
        {
            return bytes;
        }

        using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        // Decompress in blocks and stop at the cap: a gzip bomb (a few MB that expand to GBs) never reaches memory whole.
        var buffer = new byte[81920];
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            if (decompressed.Length + read > MaxPageBytes)
            {
                throw new InvalidDataException($"it decompresses to more than {MaxPageBytes / (1024 * 1024)} MiB");
            }

            decompressed.Write(buffer, 0, read);
        }

        return decompressed.ToArray();
    }

    public static string ToJson(ExtractedArticle article, string? file)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = FeedWatchJson.Options.Encoder, Indented = false }))
        {
            writer.WriteStartObject();
            if (file is not null)
            {
                writer.WriteString("file", file);
            }

            writer.WriteString("title", article.Title);
            writer.WriteString("text", article.Text);
            WriteDate(writer, "published", article.Published);
            WriteDate(writer, "modified", article.Modified);
            writer.WriteString("canonicalUrl", article.CanonicalUrl);
            writer.WriteString("siteName", article.SiteName);
            writer.WriteStartArray("authors");
            foreach (var author in article.Authors)
            {
                writer.WriteStringValue(author);
            }

            writer.WriteEndArray();
            writer.WriteString("language", article.Language);
            writer.WriteString("description", article.Description);
            writer.WriteString("image", article.Image);
            writer.WriteBoolean("isPartial", article.IsPartial);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            writer.WriteString(name, date);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
