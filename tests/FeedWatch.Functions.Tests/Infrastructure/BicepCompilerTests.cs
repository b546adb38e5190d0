namespace FeedWatch.Functions.Tests.Infrastructure;

/// <summary>The templates compile and lint clean with the real Bicep CLI.</summary>
public sealed class BicepCompilerTests
{
    [Fact]
    public void Main_template_builds_to_an_ARM_template_without_warnings()
    {
        Assert.Equal("https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#",
            CompiledTemplate.Root.GetProperty("$schema").GetString());
    }

    [Fact]
    public void Lint_reports_nothing()
    {
        var (exitCode, output, errors) = CompiledTemplate.RunBicep("lint", Support.RepoPaths.Of("infra/main.bicep"));

        Assert.True(exitCode == 0, $"bicep lint failed ({exitCode}):\n{output}\n{errors}");
        Assert.Equal(string.Empty, (output + errors).Trim());
    }
}
