// TEST-ONLY STAND-IN of the Azure Functions worker API (see README.md in this folder).
// Same public shape as the real builder (an IHostApplicationBuilder with Build()); the real one additionally
// applies ConfigureFunctionsWorkerDefaults() (gRPC channel to the host, middleware) and implements
// IFunctionsWorkerApplicationBuilder, neither of which FeedWatch.Functions uses.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.Functions.Worker.Builder;

public class FunctionsApplicationBuilder : IHostApplicationBuilder
{
    private readonly HostApplicationBuilder _hostApplicationBuilder;
    private bool _hasBuilt;

    internal FunctionsApplicationBuilder(string[]? args)
    {
        var configuration = new ConfigurationManager();
        // Like the real builder: app settings arrive as environment variables.
        configuration.AddEnvironmentVariables("AZURE_FUNCTIONS_");
        _hostApplicationBuilder = new HostApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            Configuration = configuration,
        });
    }

    public IDictionary<object, object> Properties => ((IHostApplicationBuilder)_hostApplicationBuilder).Properties;

    IConfigurationManager IHostApplicationBuilder.Configuration => Configuration;

    public ConfigurationManager Configuration => _hostApplicationBuilder.Configuration;

    public IHostEnvironment Environment => _hostApplicationBuilder.Environment;

    public ILoggingBuilder Logging => _hostApplicationBuilder.Logging;

    public IMetricsBuilder Metrics => _hostApplicationBuilder.Metrics;

    public IServiceCollection Services => _hostApplicationBuilder.Services;

    public IHost Build()
    {
        if (_hasBuilt)
        {
            throw new InvalidOperationException("The application has already been built.");
        }

        _hasBuilt = true;
        return _hostApplicationBuilder.Build();
    }

    public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull =>
        _hostApplicationBuilder.ConfigureContainer(factory, configure);
}
