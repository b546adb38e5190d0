using Microsoft.Azure.Functions.Worker;

namespace FeedWatch.Functions.Tests.Support;

/// <summary>A subclass of the worker's real <see cref="FunctionContext"/>: an invocation as the worker would describe it, with queue trigger metadata like the host sends.</summary>
internal sealed class TestFunctionContext(IServiceProvider services, string functionName, IReadOnlyDictionary<string, object?>? bindingData = null)
    : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId { get; } = functionName;

    public override BindingContext BindingContext { get; } = new TestBindingContext(bindingData ?? new Dictionary<string, object?>());

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    // Not read by FeedWatch's functions: a test that reaches them fails loudly instead of seeing a made-up value.
    public override TraceContext TraceContext => throw new NotSupportedException("FeedWatch's functions do not read TraceContext.");

    public override RetryContext RetryContext => throw new NotSupportedException("FeedWatch's functions do not read RetryContext.");

    public override FunctionDefinition FunctionDefinition => throw new NotSupportedException("FeedWatch's functions do not read FunctionDefinition.");

    public override IInvocationFeatures Features => throw new NotSupportedException("FeedWatch's functions do not read Features.");

    /// <summary>Queue trigger metadata as the host passes it (values arrive as strings).</summary>
    public static TestFunctionContext ForQueueMessage(IServiceProvider services, string functionName, long dequeueCount) =>
        new(services, functionName, new Dictionary<string, object?>
        {
            ["Id"] = Guid.NewGuid().ToString(),
            ["DequeueCount"] = dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PopReceipt"] = "AgAAAAMAAAAAAAAA",
        });
}
