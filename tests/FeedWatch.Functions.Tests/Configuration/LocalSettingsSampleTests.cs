using System.Text;
using System.Text.Json;
using FeedWatch.Core.Pipeline;
using FeedWatch.Functions.Tests.Infrastructure;
using FeedWatch.Functions.Tests.Support;
using FeedWatch.Http;
using Microsoft.Extensions.Configuration;

namespace FeedWatch.Functions.Tests.Configuration;

/// <summary>local.settings.sample.json: every setting documented, names the app really reads, no secrets.</summary>
public sealed class LocalSettingsSampleTests
{
    private static readonly string Text = RepoPaths.ReadText("local.settings.sample.json");

    /// <summary>The "Values" entries in order, each with whether a comment comes right before it.</summary>
    private static List<(string Name, string Value, bool Documented)> Values()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(Text), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow });
        var values = new List<(string, string, bool)>();
        var inValues = false;
        var depth = 0;
        var commentSeen = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.Comment:
                    commentSeen = true;
                    break;
                case JsonTokenType.StartObject:
                    depth++;
                    break;
                case JsonTokenType.EndObject:
                    depth--;
                    inValues &= depth >= 2;
                    break;
                case JsonTokenType.PropertyName when depth == 1:
                    inValues = reader.GetString() == "Values";
                    break;
                case JsonTokenType.PropertyName when inValues && depth == 2:
                    var name = reader.GetString()!;
                    var documented = commentSeen;
                    reader.Read();
                    Assert.True(reader.TokenType == JsonTokenType.String, $"{name}: Core Tools needs every value as a string");
                    values.Add((name, reader.GetString()!, documented));
                    commentSeen = false;
                    break;
                default:
                    break;
            }
        }

        return values;
    }

    private static IConfiguration AsConfiguration() =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(Values().Select(value => KeyValuePair.Create(value.Name.Replace("__", ":", StringComparison.Ordinal), (string?)value.Value)))
            .Build();

    [Fact]
    public void Every_setting_has_a_comment_explaining_it()
    {
        var values = Values();

        Assert.NotEmpty(values);
        Assert.All(values, value => Assert.True(value.Documented, $"{value.Name} has no comment above it"));
    }

    [Fact]
    public void It_runs_the_isolated_worker_on_Azurite_on_the_configured_schedule()
    {
        var values = Values().ToDictionary(value => value.Name, value => value.Value);

        Assert.Equal("UseDevelopmentStorage=true", values["AzureWebJobsStorage"]);
        Assert.Equal("dotnet-isolated", values["FUNCTIONS_WORKER_RUNTIME"]);
        // NCRONTAB for Functions has six fields (seconds first).
        Assert.Equal(6, values["FEEDWATCH_SCHEDULE"].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal("false", values["FeedWatch__Http__AllowPrivateAddresses"]);
        Assert.DoesNotContain(values.Keys, key => key.StartsWith("FeedWatch__Http__HostMap", StringComparison.Ordinal));
    }

    [Fact]
    public void FeedWatch_settings_bind_to_the_real_options_without_unknown_keys()
    {
        var configuration = AsConfiguration();
        static void Strict(BinderOptions options) => options.ErrorOnUnknownConfiguration = true;

        var http = configuration.GetSection(HttpFetcherOptions.SectionName).Get<HttpFetcherOptions>(Strict);
        var pipeline = configuration.GetSection(PipelineOptions.SectionName).Get<PipelineOptions>(Strict);

        Assert.NotNull(http);
        Assert.False(http.AllowPrivateAddresses);
        Assert.Equal(TimeSpan.FromMinutes(15), pipeline!.DefaultPollInterval);
    }

    [Fact]
    public void Every_FeedWatch_setting_the_Azure_deployment_sets_is_documented_here()
    {
        var deployed = BicepFile.TopLevelKeys(BicepFile.TopLevelBlock(BicepFile.Load("infra/main.bicep").BlockAfter("module functionApp"), "appSettings"));

        Assert.Contains("FEEDWATCH_SCHEDULE", deployed);
        Assert.All(deployed, name => Assert.Contains(name, Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Stripping_the_comment_lines_as_the_docs_say_leaves_plain_JSON_with_every_value()
    {
        // grep -v '^\s*//' local.settings.sample.json > local.settings.json
        var stripped = string.Join('\n', Text.Split('\n').Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));

        using var plain = JsonDocument.Parse(stripped); // default options: comments are an error
        Assert.Equal(Values().Count, plain.RootElement.GetProperty("Values").EnumerateObject().Count());
    }

    [Fact]
    public void It_holds_no_secret()
    {
        foreach (var secretMarker in new[] { "AccountKey=", "SharedAccessKey=", "SharedAccessSignature=", "sig=", "InstrumentationKey=" })
        {
            Assert.DoesNotContain(secretMarker, Text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
