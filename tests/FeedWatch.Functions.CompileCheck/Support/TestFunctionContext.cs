using Microsoft.Azure.Functions.Worker;

namespace FeedWatch.Functions.CompileCheck.Support;

/// <summary>A function invocation as the worker would describe it, with queue trigger metadata like the host sends.</summary>
internal sealed class TestFunctionContext(IServiceProvider services, string functionName, IReadOnlyDictionary<string, object?>? bindingData = null)
    : FunctionContext
{
    public override string InvocationId { get; } = Guid.NewGuid().ToString();

    public override string FunctionId { get; } = functionName;

    public override BindingContext BindingContext { get; } = new TestBindingContext(bindingData ?? new Dictionary<string, object?>());

    public override IServiceProvider InstanceServices { get; set; } = services;

    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    /// <summary>Queue trigger metadata as the host passes it (values arrive as strings).</summary>
    public static TestFunctionContext ForQueueMessage(IServiceProvider services, string functionName, long dequeueCount) =>
        new(services, functionName, new Dictionary<string, object?>
        {
            ["Id"] = Guid.NewGuid().ToString(),
            ["DequeueCount"] = dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PopReceipt"] = "AgAAAAMAAAAAAAAA",
        });
}
