using System.IO.Compression;
using System.Text;
using System.Text.Json;
using FeedWatch.Cli.Commands;

namespace FeedWatch.Cli.Tests;

public sealed class ExtractCommandTests : IDisposable
{
    private const string Body = "The harbour board approved the new ferry timetable on Friday, adding two evening crossings, officials said.";
    private const string Page = $$"""
        <html lang="en"><head><title>Ferry timetable approved | Harbour News</title>
        <meta property="article:published_time" content="2025-05-02T09:00:00Z"></head>
        <body><nav><a href="/">Home</a></nav><article><h1>Ferry timetable approved</h1><p>{{Body}}</p><p>{{Body}}</p></article></body></html>
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("feedwatch-extract-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void One_file_prints_one_json_object_with_every_contract_field()
    {
        var path = Write("page.html", Encoding.UTF8.GetBytes(Page));
        var output = new StringWriter();

        var exit = ExtractCommand.Run([new FileInfo(path)], new Uri("https://harbour.example/news/ferry"), output, new StringWriter());

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["title", "text", "published", "modified", "canonicalUrl", "siteName", "authors", "language", "description", "image", "isPartial"], names);
        Assert.Equal("Ferry timetable approved", json.RootElement.GetProperty("title").GetString());
        Assert.Equal(Body + "\n\n" + Body, json.RootElement.GetProperty("text").GetString());
        Assert.Equal(new DateTimeOffset(2025, 5, 2, 9, 0, 0, TimeSpan.Zero), json.RootElement.GetProperty("published").GetDateTimeOffset());
        Assert.Equal("https://harbour.example/news/ferry", json.RootElement.GetProperty("canonicalUrl").GetString());
        Assert.False(json.RootElement.GetProperty("isPartial").GetBoolean());
    }

    [Fact]
    public void Several_files_print_json_lines_with_file_and_gz_is_decompressed()
    {
        var plain = Write("a.html", Encoding.UTF8.GetBytes(Page));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Page));
        }

        var gz = Write("b.html.gz", compressed.ToArray());
        var output = new StringWriter();

        var exit = ExtractCommand.Run([new FileInfo(plain), new FileInfo(gz)], null, output, new StringWriter());

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var (line, expectedFile) in lines.Zip(new[] { plain, gz }))
        {
            using var json = JsonDocument.Parse(line);
            Assert.Equal(expectedFile, json.RootElement.GetProperty("file").GetString());
            Assert.Contains(Body, json.RootElement.GetProperty("text").GetString());
        }
    }

    [Fact]
    public void Missing_file_is_reported_and_the_others_still_extracted()
    {
        var good = Write("good.html", Encoding.UTF8.GetBytes(Page));
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = ExtractCommand.Run([new FileInfo(Path.Combine(folder, "missing.html")), new FileInfo(good)], null, output, errors);

        Assert.Equal(1, exit);
        Assert.Contains("missing.html", errors.ToString());
        Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
