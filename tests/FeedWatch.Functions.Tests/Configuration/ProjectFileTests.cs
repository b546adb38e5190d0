using System.Xml.Linq;
using FeedWatch.Functions.Tests.Support;

namespace FeedWatch.Functions.Tests.Configuration;

/// <summary>
/// The Functions project cannot be restored here, so mistakes in its project file would only show on a machine with
/// full NuGet access. These checks catch the ones that break central package management or the deployment.
/// </summary>
public sealed class ProjectFileTests
{
    private static readonly XDocument Project = XDocument.Parse(RepoPaths.ReadText("src/FeedWatch.Functions/FeedWatch.Functions.csproj"));
    private static readonly XDocument Packages = XDocument.Parse(RepoPaths.ReadText("Directory.Packages.props"));

    [Fact]
    public void Every_package_reference_has_a_central_version_and_none_sets_its_own()
    {
        var versions = Packages.Descendants("PackageVersion").ToDictionary(element => element.Attribute("Include")!.Value, element => element.Attribute("Version")!.Value);
        var references = Project.Descendants("PackageReference").ToList();

        Assert.Contains(references, reference => reference.Attribute("Include")!.Value == "Microsoft.Azure.Functions.Worker");
        Assert.Contains(references, reference => reference.Attribute("Include")!.Value == "Microsoft.Azure.Functions.Worker.Sdk");
        Assert.Contains(references, reference => reference.Attribute("Include")!.Value == "Microsoft.Azure.Functions.Worker.Extensions.Storage.Queues");
        Assert.Contains(references, reference => reference.Attribute("Include")!.Value == "Microsoft.Azure.Functions.Worker.Extensions.Timer");
        Assert.All(references, reference =>
        {
            Assert.True(versions.ContainsKey(reference.Attribute("Include")!.Value), $"no PackageVersion for {reference.Attribute("Include")!.Value}");
            Assert.Null(reference.Attribute("Version"));
            Assert.Null(reference.Attribute("VersionOverride"));
        });
        // .NET 10 support starts with worker 2.50.
        Assert.True(Version.Parse(versions["Microsoft.Azure.Functions.Worker"]) >= new Version(2, 50, 0));
    }

    [Fact]
    public void It_is_a_v4_isolated_worker_executable_that_ships_the_top_level_host_json()
    {
        Assert.Equal("Exe", Project.Descendants("OutputType").Single().Value);
        Assert.Equal("v4", Project.Descendants("AzureFunctionsVersion").Single().Value);
        var hostJson = Project.Descendants("None").Single(element => (string?)element.Attribute("Include") == "../../host.json");
        Assert.Equal("PreserveNewest", hostJson.Attribute("CopyToOutputDirectory")!.Value);
        Assert.Equal("PreserveNewest", hostJson.Attribute("CopyToPublishDirectory")!.Value);
        var localSettings = Project.Descendants("None").Single(element => (string?)element.Attribute("Include") == "../../local.settings.json");
        Assert.Equal("Never", localSettings.Attribute("CopyToPublishDirectory")!.Value);
    }

    [Fact]
    public void The_solution_and_the_test_filter_both_build_it()
    {
        Assert.Contains(@"src\FeedWatch.Functions\FeedWatch.Functions.csproj", RepoPaths.ReadText("FeedWatch.sln"), StringComparison.Ordinal);
        var filter = RepoPaths.ReadText("FeedWatch.Tests.slnf");
        Assert.Contains("src/FeedWatch.Functions/FeedWatch.Functions.csproj", filter, StringComparison.Ordinal);
        Assert.Contains("tests/FeedWatch.Functions.Tests/FeedWatch.Functions.Tests.csproj", filter, StringComparison.Ordinal);
    }

    [Fact]
    public void Azd_deploys_that_project_as_a_function_service_with_the_infra_templates()
    {
        var azure = RepoPaths.ReadText("azure.yaml");

        Assert.Contains("project: ./src/FeedWatch.Functions", azure, StringComparison.Ordinal);
        Assert.Contains("host: function", azure, StringComparison.Ordinal);
        Assert.Contains("language: dotnet", azure, StringComparison.Ordinal);
        Assert.Contains("path: infra", azure, StringComparison.Ordinal);
        Assert.True(File.Exists(RepoPaths.Of("infra/main.bicep")));
        // azd finds the app to deploy by the azd-service-name tag, which must name the service in azure.yaml.
        Assert.Contains("functions:", azure, StringComparison.Ordinal);
        Assert.Contains("azdServiceName: 'functions'", RepoPaths.ReadText("infra/main.bicep"), StringComparison.Ordinal);
    }
}
