namespace FeedWatch.Azure.ServiceBus;

/// <summary>
/// A parsed Service Bus connection string:
/// "Endpoint=sb://{namespace}.servicebus.windows.net/;SharedAccessKeyName=…;SharedAccessKey=…[;EntityPath=…]",
/// or with "SharedAccessSignature=SharedAccessSignature sr=…" instead of a key. "UseDevelopmentEmulator=true" switches
/// the REST endpoint to plain http (the emulator, and the loopback test server).
/// </summary>
public sealed record ServiceBusConnectionString(
    Uri Endpoint,
    string? SharedAccessKeyName,
    string? SharedAccessKey,
    string? SharedAccessSignature,
    string? EntityPath,
    bool UseDevelopmentEmulator)
{
    public static ServiceBusConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new FormatException($"Service Bus connection string segment '{Redact(segment)}' is not Key=Value.");
            parts[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        if (!parts.TryGetValue("Endpoint", out var endpointText) || !Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint))
            throw new FormatException("The Service Bus connection string needs Endpoint=sb://{namespace}.servicebus.windows.net/.");

        parts.TryGetValue("SharedAccessKeyName", out var keyName);
        parts.TryGetValue("SharedAccessKey", out var key);
        parts.TryGetValue("SharedAccessSignature", out var signature);
        parts.TryGetValue("EntityPath", out var entityPath);
        var emulator = parts.TryGetValue("UseDevelopmentEmulator", out var emulatorText) && bool.TryParse(emulatorText, out var flag) && flag;

        if (signature is null && (string.IsNullOrEmpty(keyName) || string.IsNullOrEmpty(key)))
            throw new FormatException("The Service Bus connection string needs SharedAccessKeyName and SharedAccessKey, or SharedAccessSignature.");

        return new ServiceBusConnectionString(endpoint, keyName, key, signature, string.IsNullOrEmpty(entityPath) ? null : entityPath, emulator);
    }

    /// <summary>The REST base address: https://{host}/ (http for the emulator), whatever scheme the connection string used.</summary>
    public Uri RestEndpoint => new UriBuilder(Endpoint) { Scheme = UseDevelopmentEmulator ? "http" : "https", Port = Endpoint.IsDefaultPort ? -1 : Endpoint.Port, Path = "/" }.Uri;

    // Keys never reach logs or exception messages.
    private static string Redact(string segment) => segment.Contains("Key", StringComparison.OrdinalIgnoreCase) ? "(redacted)" : segment;

    public override string ToString() => $"Endpoint={Endpoint};SharedAccessKeyName={SharedAccessKeyName};EntityPath={EntityPath}";
}
