// TEST-ONLY STAND-IN of the Azure Functions worker API (see README.md in this folder). Mirrors the real signature.
namespace Microsoft.Azure.Functions.Worker;

public abstract class BindingContext
{
    /// <summary>The trigger's metadata (for queues: Id, DequeueCount, InsertionTime, PopReceipt …).</summary>
    public abstract IReadOnlyDictionary<string, object?> BindingData { get; }
}
