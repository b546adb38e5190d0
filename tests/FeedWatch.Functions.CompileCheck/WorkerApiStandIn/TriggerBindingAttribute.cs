// TEST-ONLY STAND-IN of the Azure Functions worker API (see README.md in this folder). Mirrors the real signature.
namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

public abstract class TriggerBindingAttribute : BindingAttribute
{
}
