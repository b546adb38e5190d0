// TEST-ONLY STAND-IN of the Azure Functions worker API (see README.md in this folder).
// A SUBSET of the real abstract class: the members declared here mirror the real ones exactly; the real class also
// has TraceContext, FunctionDefinition, Features and RetryContext, which FeedWatch.Functions does not use.
namespace Microsoft.Azure.Functions.Worker;

public abstract class FunctionContext
{
    public abstract string InvocationId { get; }

    public abstract string FunctionId { get; }

    public abstract BindingContext BindingContext { get; }

    public abstract IServiceProvider InstanceServices { get; set; }

    public abstract IDictionary<object, object> Items { get; set; }

    public virtual CancellationToken CancellationToken { get; } = CancellationToken.None;
}
