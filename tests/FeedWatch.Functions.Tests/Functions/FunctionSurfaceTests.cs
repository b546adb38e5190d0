using System.Reflection;
using System.Text.RegularExpressions;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Functions.Composition;
using FeedWatch.Functions.Functions;
using Microsoft.Azure.Functions.Worker;

namespace FeedWatch.Functions.Tests.Functions;

/// <summary>
/// What the worker SDK's metadata generator would read from the attributes: function names, triggers, queue names,
/// connection and schedule settings, and parameter types the worker knows how to bind.
/// </summary>
public sealed partial class FunctionSurfaceTests
{
    private static readonly Type[] BindableWithoutAttribute = [typeof(FunctionContext), typeof(CancellationToken)];

    private static List<(MethodInfo Method, string Name)> Functions() =>
        typeof(PollFeedFunction).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(PollFeedFunction).Namespace)
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(method => (Method: method, Attribute: method.GetCustomAttribute<FunctionAttribute>()))
            .Where(pair => pair.Attribute is not null)
            .Select(pair => (pair.Method, pair.Attribute!.Name))
            .ToList();

    [Fact]
    public void The_app_has_exactly_one_function_per_stage()
    {
        var names = Functions().Select(function => function.Name).Order(StringComparer.Ordinal);

        Assert.Equal(
            new[] { FunctionNames.ClassifyArticle, FunctionNames.DeliverAlert, FunctionNames.FetchArticle, FunctionNames.PollFeed, FunctionNames.ScheduleFeeds },
            names);
    }

    [Fact]
    public void Every_function_is_async_in_its_own_sealed_class()
    {
        foreach (var (method, name) in Functions())
        {
            Assert.True(typeof(Task).IsAssignableFrom(method.ReturnType), $"{name} must return a Task");
            Assert.True(method.DeclaringType!.IsSealed, $"{method.DeclaringType.Name} must be sealed");
            Assert.Single(method.DeclaringType.GetMethods(), candidate => candidate.GetCustomAttribute<FunctionAttribute>() is not null);
        }
    }

    [Fact]
    public void Queue_functions_listen_to_the_pipeline_queues_over_the_host_storage_connection()
    {
        var triggers = Functions()
            .SelectMany(function => function.Method.GetParameters())
            .Select(parameter => (Parameter: parameter, Trigger: parameter.GetCustomAttribute<QueueTriggerAttribute>()))
            .Where(pair => pair.Trigger is not null)
            .ToList();

        Assert.Equal(
            new[] { QueueNames.ClassifyArticle, QueueNames.DeliverAlert, QueueNames.FetchArticle, QueueNames.PollFeed },
            triggers.Select(pair => pair.Trigger!.QueueName).Order(StringComparer.Ordinal));
        Assert.All(triggers, pair =>
        {
            Assert.Equal("AzureWebJobsStorage", pair.Trigger!.Connection);
            // The host hands over the decoded message text; the function parses it with FeedWatch's JSON settings.
            Assert.Equal(typeof(string), pair.Parameter.ParameterType);
        });
    }

    [Fact]
    public void Pipeline_queue_names_and_their_poison_queues_are_valid_Azure_queue_names()
    {
        foreach (var queue in new[] { QueueNames.PollFeed, QueueNames.FetchArticle, QueueNames.ClassifyArticle, QueueNames.DeliverAlert })
        {
            // The Functions host names poison queues "{queue}-poison"; the local queue must match it.
            Assert.Equal(queue + "-poison", QueueNames.Poison(queue));
            Assert.Matches(AzureQueueName(), queue);
            Assert.Matches(AzureQueueName(), QueueNames.Poison(queue));
        }
    }

    [Fact]
    public void The_schedule_function_reads_its_NCRONTAB_from_the_FEEDWATCH_SCHEDULE_setting()
    {
        var schedule = Functions().Single(function => function.Name == FunctionNames.ScheduleFeeds).Method;
        var timer = schedule.GetParameters()
            .Select(parameter => (Parameter: parameter, Trigger: parameter.GetCustomAttribute<TimerTriggerAttribute>()))
            .Single(pair => pair.Trigger is not null);

        Assert.Equal("%FEEDWATCH_SCHEDULE%", timer.Trigger!.Schedule);
        Assert.Equal(typeof(TimerInfo), timer.Parameter.ParameterType);
        Assert.False(timer.Trigger.RunOnStartup); // a cold start must not add an extra poll burst
    }

    [Fact]
    public void Every_other_parameter_is_one_the_worker_binds_itself()
    {
        foreach (var (method, name) in Functions())
        {
            foreach (var parameter in method.GetParameters())
            {
                var isTrigger = parameter.GetCustomAttributes().Any(attribute => attribute is QueueTriggerAttribute or TimerTriggerAttribute);
                Assert.True(isTrigger || BindableWithoutAttribute.Contains(parameter.ParameterType),
                    $"{name}: parameter '{parameter.Name}' ({parameter.ParameterType.Name}) has no binding the worker knows");
            }

            Assert.Single(method.GetParameters(), parameter =>
                parameter.GetCustomAttributes().Any(attribute => attribute is QueueTriggerAttribute or TimerTriggerAttribute));
        }
    }

    [GeneratedRegex("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex AzureQueueName();
}
