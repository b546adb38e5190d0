using Microsoft.Azure.Functions.Worker;

namespace FeedWatch.Functions.CompileCheck.Support;

internal sealed class TestBindingContext(IReadOnlyDictionary<string, object?> bindingData) : BindingContext
{
    public override IReadOnlyDictionary<string, object?> BindingData { get; } = bindingData;
}
