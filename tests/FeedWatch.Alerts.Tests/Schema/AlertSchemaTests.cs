using System.Text.Json;
using System.Text.Json.Nodes;
using FeedWatch.Alerts.Formatting;
using FeedWatch.Alerts.Tests.Support;
using FeedWatch.Core.Alerts;
using FeedWatch.Core.Alerts.Digests;
using FeedWatch.Core.Serialization;

namespace FeedWatch.Alerts.Tests.Schema;

public sealed class AlertSchemaTests
{
    private const string SpreadSchema = "feedwatch.story.spread.v1.schema.json";
    private const string DigestSchema = "feedwatch.story.digest.v1.schema.json";
    private readonly MiniJsonSchema schemas = new(Path.Combine(RepoRoot.Path, "schemas"));

    [Fact]
    public void Produced_spread_alert_validates_against_the_published_schema()
    {
        var json = AlertJson.Serialize(AlertNotification.Single(SampleAlerts.Spread()));
        using var document = JsonDocument.Parse(json);

        Assert.Empty(schemas.Validate(SpreadSchema, document.RootElement));
    }

    [Fact]
    public void Spread_alert_with_optional_fields_null_still_validates()
    {
        var alert = SampleAlerts.Spread() with { ArticleTitle = null, ArticlePublished = null, OriginOutlet = null, SourceArticleId = null, Passages = [] };
        using var document = JsonDocument.Parse(AlertJson.Serialize(AlertNotification.Single(alert)));

        Assert.Empty(schemas.Validate(SpreadSchema, document.RootElement));
    }

    [Fact]
    public void Envelope_uses_cloudevents_attribute_names_and_camelcase_data()
    {
        using var document = JsonDocument.Parse(AlertJson.Serialize(AlertNotification.Single(SampleAlerts.Spread())));
        var root = document.RootElement;

        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal("feedwatch.story.spread", root.GetProperty("type").GetString());
        Assert.Equal("/feedwatch/stories/story-ferry", root.GetProperty("source").GetString());
        Assert.Equal(AlertIds.ForSpread("story-ferry", "harbourgazette.example"), root.GetProperty("id").GetString());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.Equal("rewrite", root.GetProperty("data").GetProperty("relation").GetString());
        Assert.Equal("coastalherald.example", root.GetProperty("data").GetProperty("originOutlet").GetString());
        Assert.Equal(2, root.GetProperty("data").GetProperty("outletsSoFar").GetArrayLength());
    }

    [Fact]
    public void Envelope_round_trips_through_the_shared_json_options()
    {
        var alert = SampleAlerts.Spread();
        var json = JsonSerializer.Serialize(AlertEnvelope.For(alert), FeedWatchJson.Options);

        var back = JsonSerializer.Deserialize<AlertEnvelope>(json, FeedWatchJson.Options)!;

        Assert.Equal(alert.Id, back.Id);
        Assert.Equal(alert.Passages, back.Data.Passages);
        Assert.Equal(alert.OutletsSoFar, back.Data.OutletsSoFar);
        Assert.Equal(alert.ArticlePublished, back.Data.ArticlePublished);
    }

    [Fact]
    public void Produced_digest_validates_against_the_digest_schema()
    {
        var alerts = new[] { SampleAlerts.Spread("harbourgazette.example"), SampleAlerts.Spread("islandpost.example") };
        var digest = new AlertDigest
        {
            Id = AlertIds.ForDigest("story-ferry", alerts.Select(a => a.Id)),
            StoryId = "story-ferry",
            StoryTitle = alerts[0].StoryTitle,
            PeriodStart = SampleAlerts.Origin,
            PeriodEnd = SampleAlerts.Origin.AddHours(1),
            Reason = "digest",
            Alerts = alerts,
        };
        using var document = JsonDocument.Parse(AlertJson.Serialize(AlertNotification.Batch(digest)));

        Assert.Empty(schemas.Validate(DigestSchema, document.RootElement));
    }

    [Theory]
    [InlineData("specversion", "\"0.3\"", "specversion")]
    [InlineData("data.relation", "\"plagiarised\"", "relation")]
    [InlineData("data.score", "1.5", "maximum")]
    [InlineData("data.articleUrl", "\"not a url\"", "uri")]
    [InlineData("time", "\"yesterday\"", "date-time")]
    [InlineData("data.extra", "1", "not in the schema")]
    public void Validator_rejects_documents_that_break_the_schema(string path, string replacement, string expectedError)
    {
        var node = JsonNode.Parse(AlertJson.Serialize(AlertNotification.Single(SampleAlerts.Spread())))!;
        var parts = path.Split('.');
        var parent = parts.SkipLast(1).Aggregate(node, (current, part) => current[part]!);
        parent[parts[^1]] = JsonNode.Parse(replacement);
        using var document = JsonDocument.Parse(node.ToJsonString());

        var errors = schemas.Validate(SpreadSchema, document.RootElement);

        Assert.Contains(errors, e => e.Contains(expectedError, StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_reports_a_missing_required_field()
    {
        var node = JsonNode.Parse(AlertJson.Serialize(AlertNotification.Single(SampleAlerts.Spread())))!.AsObject();
        node["data"]!.AsObject().Remove("storyTitle");
        using var document = JsonDocument.Parse(node.ToJsonString());

        Assert.Contains("$.data: missing required 'storyTitle'", schemas.Validate(SpreadSchema, document.RootElement));
    }

    [Fact]
    public void Every_spread_alert_property_is_declared_in_the_schema()
    {
        // Adding a field to SpreadAlert without publishing it in the schema (and docs) must fail here.
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "schemas", SpreadSchema)));
        var declared = schema.RootElement.GetProperty("$defs").GetProperty("spreadAlert").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet();
        var produced = typeof(SpreadAlert).GetProperties().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));

        var undeclared = produced.Where(name => !declared.Contains(name)).ToList();
        Assert.True(undeclared.Count == 0, "Not in the schema: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void Docs_describe_every_schema_field()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot.Path, "docs", "alerts.md"));
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "schemas", SpreadSchema)));
        var fields = schema.RootElement.GetProperty("$defs").EnumerateObject()
            .SelectMany(def => def.Value.GetProperty("properties").EnumerateObject().Select(p => p.Name))
            .Concat(schema.RootElement.GetProperty("properties").EnumerateObject().Select(p => p.Name))
            .Distinct();

        var undocumented = fields.Where(field => !docs.Contains($"`{field}`", StringComparison.Ordinal)).ToList();
        Assert.True(undocumented.Count == 0, "Not in docs/alerts.md: " + string.Join(", ", undocumented));
    }
}
