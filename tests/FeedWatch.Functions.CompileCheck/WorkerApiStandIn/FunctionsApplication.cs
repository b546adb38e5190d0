// TEST-ONLY STAND-IN of the Azure Functions worker API (see README.md in this folder). Mirrors the real signature.
namespace Microsoft.Azure.Functions.Worker.Builder;

#pragma warning disable CA1052 // the real FunctionsApplication is a non-static class with one static factory
public class FunctionsApplication
#pragma warning restore CA1052
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args) => new(args);
}
