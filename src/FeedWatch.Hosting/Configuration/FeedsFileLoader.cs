using System.Text.Json;
using FeedWatch.Core.Configuration;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace FeedWatch.Hosting.Configuration;

/// <summary>Reads a feeds file: YAML for .yaml/.yml, JSON otherwise. Errors name the file and the problem.</summary>
public static class FeedsFileLoader
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static FeedsFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FeedsFileException($"Feeds file '{path}' does not exist.");
        }

        var text = File.ReadAllText(path);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension is ".yaml" or ".yml" ? ParseYaml(text, path) : ParseJson(text, path);
    }

    public static FeedsFile ParseYaml(string text, string source = "feeds file")
    {
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
            return Validate(deserializer.Deserialize<FeedsFile?>(text) ?? new FeedsFile(), source);
        }
        catch (YamlException ex)
        {
            throw new FeedsFileException($"{source}: line {ex.Start.Line}: {ex.InnerException?.Message ?? ex.Message}", ex);
        }
    }

    public static FeedsFile ParseJson(string text, string source = "feeds file")
    {
        try
        {
            return Validate(JsonSerializer.Deserialize<FeedsFile>(text, JsonOptions) ?? new FeedsFile(), source);
        }
        catch (JsonException ex)
        {
            throw new FeedsFileException($"{source}: {ex.Message}", ex);
        }
    }

    private static FeedsFile Validate(FeedsFile file, string source)
    {
        var problems = new List<string>();
        for (var i = 0; i < file.Feeds.Count; i++)
        {
            var feed = file.Feeds[i];
            if (!Uri.TryCreate(feed.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add($"feeds[{i}]: url '{feed.Url}' is not an absolute http(s) URL");
            }

            if (feed.PollInterval is not null && !Durations.TryParse(feed.PollInterval, out _))
            {
                problems.Add($"feeds[{i}]: pollInterval '{feed.PollInterval}' is not a duration (30s, 15m, 2h, 00:15:00)");
            }
        }

        for (var i = 0; i < file.Tracked.Count; i++)
        {
            var tracked = file.Tracked[i];
            if ((tracked.Url is null) == (tracked.TextFile is null))
            {
                problems.Add($"tracked[{i}]: give exactly one of url or textFile");
            }
        }

        return problems.Count == 0 ? file : throw new FeedsFileException($"{source}: " + string.Join("; ", problems));
    }
}
