using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FeedWatch.Core.Security;

public static class SecretRedactionServiceCollectionExtensions
{
    /// <summary>
    /// Wraps every logger provider registered so far (call it after logging is configured, e.g. at the end of
    /// AddFeedWatch) in a <see cref="RedactingLoggerProvider"/> using <see cref="SecretRedactor.Shared"/>.
    /// Calling it again does nothing.
    /// </summary>
    public static IServiceCollection AddSecretRedactionToLogging(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The registered redactor marks "already wrapped": wrapping twice would only cost time.
        if (services.Any(d => d.ServiceType == typeof(SecretRedactor)))
        {
            return services;
        }

        services.AddSingleton(SecretRedactor.Shared);
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILoggerProvider) || descriptor.IsKeyedService)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Describe(
                typeof(ILoggerProvider),
                provider => new RedactingLoggerProvider(CreateInner(provider, descriptor), SecretRedactor.Shared),
                descriptor.Lifetime);
        }

        return services;
    }

    private static ILoggerProvider CreateInner(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (ILoggerProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
