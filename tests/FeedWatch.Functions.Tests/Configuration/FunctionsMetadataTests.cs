using System.Text.Json;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Functions.Composition;
using FeedWatch.Functions.Tests.Infrastructure;
using FeedWatch.Functions.Tests.Support;

namespace FeedWatch.Functions.Tests.Configuration;

/// <summary>
/// The functions.metadata the Worker SDK generates when it builds src/FeedWatch.Functions (what the Functions host
/// reads to create the triggers), checked against QueueNames, host.json and the app settings of the compiled
/// Bicep template: every trigger listens where the pipeline sends, over a connection the deployment configures.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly Dictionary<string, string> QueueOf = new(StringComparer.Ordinal)
    {
        [FunctionNames.PollFeed] = QueueNames.PollFeed,
        [FunctionNames.FetchArticle] = QueueNames.FetchArticle,
        [FunctionNames.ClassifyArticle] = QueueNames.ClassifyArticle,
        [FunctionNames.DeliverAlert] = QueueNames.DeliverAlert,
    };

    private static string Output(string file)
    {
        var path = Path.Combine(BuildOutputs.FunctionsAppOutput, file);
        Assert.True(File.Exists(path), $"{path} is missing: the Worker SDK writes it when src/FeedWatch.Functions builds.");
        return path;
    }

    private static Dictionary<string, JsonElement> Functions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Output("functions.metadata")));
        return document.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone(), StringComparer.Ordinal);
    }

    private static JsonElement Trigger(JsonElement function) =>
        Assert.Single(function.GetProperty("bindings").EnumerateArray(), b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    [Fact]
    public void The_build_generates_exactly_the_five_stage_functions_for_the_isolated_worker()
    {
        var functions = Functions();

        Assert.Equal(
            new[] { FunctionNames.ClassifyArticle, FunctionNames.DeliverAlert, FunctionNames.FetchArticle, FunctionNames.PollFeed, FunctionNames.ScheduleFeeds }.Order(),
            functions.Keys.Order());
        Assert.All(functions.Values, f =>
        {
            Assert.Equal("dotnet-isolated", f.GetProperty("language").GetString());
            Assert.Equal("FeedWatch.Functions.dll", f.GetProperty("scriptFile").GetString());
        });
        Assert.True(File.Exists(Output("worker.config.json")));
        Assert.True(File.Exists(Output("host.json")));
    }

    [Fact]
    public void Each_queue_function_listens_to_its_pipeline_queue_over_AzureWebJobsStorage()
    {
        var functions = Functions();

        foreach (var (name, queue) in QueueOf)
        {
            var trigger = Trigger(functions[name]);
            Assert.Equal("queueTrigger", trigger.GetProperty("type").GetString());
            Assert.Equal("In", trigger.GetProperty("direction").GetString());
            Assert.Equal(queue, trigger.GetProperty("queueName").GetString());
            Assert.Equal(FunctionSettings.StorageConnection, trigger.GetProperty("connection").GetString());
        }
    }

    [Fact]
    public void The_trigger_connection_is_configured_identity_based_by_the_compiled_template()
    {
        var settings = CompiledTemplate.FunctionAppSettings;
        var connections = Functions().Values.Select(Trigger).Where(t => t.TryGetProperty("connection", out _)).Select(t => t.GetProperty("connection").GetString()!).Distinct();

        foreach (var connection in connections)
        {
            Assert.DoesNotContain(connection, settings.Keys); // no connection string (no key) in app settings
            Assert.Contains($"{connection}__queueServiceUri", settings.Keys);
            Assert.Contains($"{connection}__blobServiceUri", settings.Keys);
            Assert.Equal("managedidentity", settings[$"{connection}__credential"]);
            Assert.Contains($"{connection}__clientId", settings.Keys);
        }
    }

    [Fact]
    public void The_schedule_function_is_a_timer_reading_an_app_setting_the_template_sets_to_a_six_field_NCRONTAB()
    {
        var trigger = Trigger(Functions()[FunctionNames.ScheduleFeeds]);
        var settings = CompiledTemplate.FunctionAppSettings;

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(FunctionSettings.ScheduleExpression, trigger.GetProperty("schedule").GetString());
        Assert.Equal("[parameters('feedwatchSchedule')]", settings[FunctionSettings.ScheduleSetting]);
        Assert.Equal(6, CompiledTemplate.ParameterDefault("feedwatchSchedule").Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void The_queue_semantics_the_triggers_get_from_host_json_match_the_local_queue()
    {
        using var hostJson = JsonDocument.Parse(File.ReadAllText(Output("host.json")));
        var queues = hostJson.RootElement.GetProperty("extensions").GetProperty("queues");

        Assert.Equal("base64", queues.GetProperty("messageEncoding").GetString());
        Assert.Equal(QueueNames.MaxDequeueCount, queues.GetProperty("maxDequeueCount").GetInt32());
    }

    [Fact]
    public void The_data_container_and_feeds_file_settings_reach_the_app()
    {
        var settings = CompiledTemplate.FunctionAppSettings;

        Assert.Contains(FunctionSettings.DataContainerSetting.Replace(":", "__", StringComparison.Ordinal), settings.Keys);
        Assert.Contains(FunctionSettings.FeedsFileSetting.Replace(":", "__", StringComparison.Ordinal), settings.Keys);
    }
}
