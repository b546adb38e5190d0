using System.Text.Json;
using System.Text.RegularExpressions;
using FeedWatch.Core.Ports.Queues;
using FeedWatch.Functions.Tests.Support;

namespace FeedWatch.Functions.Tests.Infrastructure;

/// <summary>
/// infra/ cannot be compiled or deployed here (no Bicep compiler, no Azure). These checks catch what breaks a
/// deployment most often: a module parameter missing or misspelt, a parameter file out of step, a required resource
/// or role assignment dropped, a key-based setting creeping in, queue names drifting from the code.
/// </summary>
public sealed partial class BicepTemplateTests
{
    private static readonly BicepFile Main = BicepFile.Load("infra/main.bicep");

    private static BicepFile ModuleFile(string path) => BicepFile.Load("infra/" + path);

    private static string AllInfraCode() =>
        string.Join('\n', Directory.GetFiles(RepoPaths.Of("infra"), "*.bicep", SearchOption.AllDirectories)
            .Select(path => BicepFile.Load(Path.GetRelativePath(RepoPaths.Root, path)).Code));

    [Fact]
    public void Every_module_gets_all_its_required_parameters_and_only_declared_ones()
    {
        var modules = Main.Modules.ToList();
        Assert.Equal(["identity", "monitoring", "storage", "serviceBus", "roles", "functionApp"], modules.Select(module => module.Symbol));

        foreach (var (symbol, path) in modules)
        {
            var module = ModuleFile(path);
            var passed = BicepFile.TopLevelKeys(BicepFile.TopLevelBlock(Main.BlockAfter($"module {symbol} '{path}'"), "params"));
            var required = module.Parameters.Where(parameter => !parameter.Value).Select(parameter => parameter.Key);

            Assert.All(required, name => Assert.Contains(name, passed));
            Assert.All(passed, name => Assert.True(module.Parameters.ContainsKey(name), $"{path} has no parameter '{name}'"));
        }
    }

    [Fact]
    public void The_parameter_file_sets_every_required_parameter_and_nothing_undeclared()
    {
        using var parameters = JsonDocument.Parse(RepoPaths.ReadText("infra/main.parameters.json"));
        var names = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(property => property.Name).ToList();

        Assert.All(names, name => Assert.True(Main.Parameters.ContainsKey(name), $"main.bicep declares no parameter '{name}'"));
        Assert.All(Main.Parameters.Where(parameter => !parameter.Value), parameter => Assert.Contains(parameter.Key, names));
        Assert.Equal("${AZURE_ENV_NAME}", parameters.RootElement.GetProperty("parameters").GetProperty("environmentName").GetProperty("value").GetString());
    }

    [Fact]
    public void Every_parameter_of_every_template_is_documented()
    {
        foreach (var path in Directory.GetFiles(RepoPaths.Of("infra"), "*.bicep", SearchOption.AllDirectories))
        {
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].TrimStart().StartsWith("param ", StringComparison.Ordinal))
                {
                    continue;
                }

                // Decorators (some span lines, like @allowed([...])) sit between the previous blank line and the param.
                var decorators = lines.Take(i).Reverse().TakeWhile(line => line.Trim().Length > 0 && !line.TrimStart().StartsWith("param ", StringComparison.Ordinal));
                Assert.True(decorators.Any(line => line.Contains("@description(", StringComparison.Ordinal)),
                    $"{Path.GetFileName(path)}: '{lines[i].Trim()}' has no @description");
            }
        }
    }

    [Fact]
    public void The_function_app_is_a_Flex_Consumption_dotnet_isolated_10_app_running_as_the_user_assigned_identity()
    {
        var app = ModuleFile("modules/functionapp.bicep");

        Assert.Contains("Microsoft.Web/serverfarms", app.ResourceTypes);
        Assert.Contains("Microsoft.Web/sites", app.ResourceTypes);
        Assert.Matches(@"name:\s*'FC1'\s+tier:\s*'FlexConsumption'", app.BlockAfter("resource plan"));
        var runtime = app.BlockAfter("runtime:");
        Assert.Matches(@"name:\s*'dotnet-isolated'", runtime);
        Assert.Matches(@"version:\s*'10\.0'", runtime);
        Assert.Matches(@"type:\s*'UserAssigned'", app.BlockAfter("identity:"));
        Assert.Matches(@"type:\s*'UserAssignedIdentity'", app.BlockAfter("authentication:"));
    }

    [Fact]
    public void AzureWebJobsStorage_is_identity_based_and_Flex_forbidden_settings_are_absent()
    {
        var settings = BicepFile.TopLevelKeys(ModuleFile("modules/functionapp.bicep").BlockAfter("var connectionSettings"));

        Assert.Contains("AzureWebJobsStorage__credential", settings);
        Assert.Contains("AzureWebJobsStorage__clientId", settings);
        Assert.Contains("AzureWebJobsStorage__blobServiceUri", settings);
        Assert.Contains("AzureWebJobsStorage__queueServiceUri", settings);
        Assert.DoesNotContain("AzureWebJobsStorage", settings); // a connection string would need the account key
        var code = AllInfraCode();
        Assert.DoesNotContain("FUNCTIONS_WORKER_RUNTIME", code, StringComparison.Ordinal);
        Assert.DoesNotContain("FUNCTIONS_EXTENSION_VERSION", code, StringComparison.Ordinal);
    }

    [Fact]
    public void No_key_or_secret_is_created_read_or_stored()
    {
        var code = AllInfraCode();

        foreach (var keyed in new[] { "listKeys", "AccountKey=", "SharedAccessKey", "listConnectionStrings", "primaryKey", "@secure" })
        {
            Assert.DoesNotContain(keyed, code, StringComparison.OrdinalIgnoreCase);
        }

        var storage = ModuleFile("modules/storage.bicep").Code;
        Assert.Matches(@"allowSharedKeyAccess:\s*false", storage);
        Assert.Matches(@"allowBlobPublicAccess:\s*false", storage);
        Assert.Matches(@"disableLocalAuth:\s*true", ModuleFile("modules/servicebus.bicep").Code);
        Assert.Matches(@"DisableLocalAuth:\s*true", ModuleFile("modules/monitoring.bicep").Code);
    }

    [Fact]
    public void The_required_resources_exist()
    {
        var types = Main.Modules.SelectMany(module => ModuleFile(module.Path).ResourceTypes).ToHashSet(StringComparer.Ordinal);

        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "Microsoft.ManagedIdentity/userAssignedIdentities",
                "Microsoft.OperationalInsights/workspaces",
                "Microsoft.Insights/components",
                "Microsoft.Storage/storageAccounts",
                "Microsoft.Storage/storageAccounts/blobServices/containers",
                "Microsoft.Storage/storageAccounts/queueServices/queues",
                "Microsoft.ServiceBus/namespaces",
                "Microsoft.ServiceBus/namespaces/topics",
                "Microsoft.ServiceBus/namespaces/topics/subscriptions",
                "Microsoft.Authorization/roleAssignments",
                "Microsoft.Web/serverfarms",
                "Microsoft.Web/sites",
            },
            types);
        Assert.Matches(@"name:\s*'Standard'", ModuleFile("modules/servicebus.bicep").BlockAfter("sku:"));
        Assert.Matches(@"requiresDuplicateDetection:\s*true", ModuleFile("modules/servicebus.bicep").Code);
    }

    [Fact]
    public void The_app_identity_gets_exactly_the_least_privilege_roles_on_the_narrowest_scopes()
    {
        var roles = ModuleFile("modules/roles.bicep");
        var roleIds = BicepFile.TopLevelKeys(roles.BlockAfter("var roles ="))
            .ToDictionary(key => key, key => Regex.Match(roles.BlockAfter("var roles ="), key + @":\s*'(?<id>[0-9a-f-]{36})'").Groups["id"].Value);

        // Built-in role definition ids, as published by Azure RBAC.
        Assert.Equal("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", roleIds["storageBlobDataOwner"]);
        Assert.Equal("974c5e8b-45b9-4653-ba55-5f855dd0fb88", roleIds["storageQueueDataContributor"]);
        Assert.Equal("69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", roleIds["serviceBusDataSender"]);

        var appAssignments = RoleAssignment().Matches(roles.Code)
            .Select(match => (Scope: match.Groups["scope"].Value, Role: match.Groups["role"].Value, Principal: match.Groups["principal"].Value))
            .Where(assignment => assignment.Principal == "appPrincipalId")
            .ToList();
        Assert.Contains(("storage", "storageBlobDataOwner", "appPrincipalId"), appAssignments);
        Assert.Contains(("storage", "storageQueueDataContributor", "appPrincipalId"), appAssignments);
        Assert.Contains(("topic", "serviceBusDataSender", "appPrincipalId"), appAssignments);
        Assert.Contains(("appInsights", "monitoringMetricsPublisher", "appPrincipalId"), appAssignments);
        Assert.Equal(4, appAssignments.Count);
    }

    [Fact]
    public void The_queues_provisioned_are_the_queues_the_code_uses()
    {
        var queues = Regex.Matches(Regex.Match(Main.Code, @"var pipelineQueues = \[(?<items>[^\]]*)\]").Groups["items"].Value, @"'(?<name>[^']+)'")
            .Select(match => match.Groups["name"].Value)
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            new[] { QueueNames.Alerts, QueueNames.ClassifyArticle, QueueNames.DeliverAlert, QueueNames.FetchArticle, QueueNames.PollFeed }.Order(StringComparer.Ordinal),
            queues);
    }

    [Fact]
    public void Every_bicep_file_has_balanced_brackets()
    {
        foreach (var path in Directory.GetFiles(RepoPaths.Of("infra"), "*.bicep", SearchOption.AllDirectories))
        {
            var code = BicepFile.Load(Path.GetRelativePath(RepoPaths.Root, path)).Code;
            var withoutStrings = Regex.Replace(code, @"'(?:[^'\\]|\\.)*'", "''");
            Assert.Equal(withoutStrings.Count(c => c == '{'), withoutStrings.Count(c => c == '}'));
            Assert.Equal(withoutStrings.Count(c => c == '['), withoutStrings.Count(c => c == ']'));
            Assert.Equal(withoutStrings.Count(c => c == '('), withoutStrings.Count(c => c == ')'));
        }
    }

    // resource x 'Microsoft.Authorization/roleAssignments@…' = … { scope: S  name: guid(…, roles.R) … principalId: P
    [GeneratedRegex(@"roleAssignments@[^']+'\s*=\s*(?:if\s*\([^)]*\)\s*)?\{\s*scope:\s*(?<scope>\w+)\s+name:\s*guid\([^)]*roles\.(?<role>\w+)\)[\s\S]*?principalId:\s*(?<principal>\w+)")]
    private static partial Regex RoleAssignment();
}
