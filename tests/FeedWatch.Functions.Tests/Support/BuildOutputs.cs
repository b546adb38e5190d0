using System.Reflection;

namespace FeedWatch.Functions.Tests.Support;

/// <summary>Paths the test project's build records (see the csproj): the Functions app's output folder and the Bicep CLI.</summary>
internal static class BuildOutputs
{
    public static string FunctionsAppOutput => Metadata("FunctionsAppOutput");

    public static string BicepCli => Metadata("BicepCli");

    private static string Metadata(string key) =>
        typeof(BuildOutputs).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata; build it through its csproj.");
}
