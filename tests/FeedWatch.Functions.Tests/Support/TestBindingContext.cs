using Microsoft.Azure.Functions.Worker;

namespace FeedWatch.Functions.Tests.Support;

internal sealed class TestBindingContext(IReadOnlyDictionary<string, object?> bindingData) : BindingContext
{
    public override IReadOnlyDictionary<string, object?> BindingData { get; } = bindingData;
}
