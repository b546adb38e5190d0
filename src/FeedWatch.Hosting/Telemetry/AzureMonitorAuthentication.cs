using Azure.Core;
using Azure.Identity;

namespace FeedWatch.Hosting.Telemetry;

/// <summary>
/// APPLICATIONINSIGHTS_AUTHENTICATION_STRING, as the Functions host reads it: "Authorization=AAD" (system-assigned
/// identity) or "ClientId=…;Authorization=AAD" (a user-assigned identity). The deployed Application Insights has local
/// (key) authentication disabled, so the exporter must present an Entra ID token; without the setting it sends
/// unauthenticated (an Application Insights that accepts its connection string alone).
/// </summary>
public static class AzureMonitorAuthentication
{
    public const string SettingName = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>The credential the setting asks for, or null when it is empty. Throws on a value it cannot read.</summary>
    public static TokenCredential? CredentialFrom(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }

        string? clientId = null;
        string? authorization = null;
        foreach (var part in setting.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? part : part[..equals].Trim();
            var value = equals < 0 ? "" : part[(equals + 1)..].Trim();
            if (key.Equals("ClientId", StringComparison.OrdinalIgnoreCase))
            {
                clientId = value;
            }
            else if (key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
            {
                authorization = value;
            }
        }

        if (!string.Equals(authorization, "AAD", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"{SettingName} must contain 'Authorization=AAD' (optionally with 'ClientId=<user-assigned identity client id>').");
        }

        return new ManagedIdentityCredential(string.IsNullOrEmpty(clientId)
            ? ManagedIdentityId.SystemAssigned
            : ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
