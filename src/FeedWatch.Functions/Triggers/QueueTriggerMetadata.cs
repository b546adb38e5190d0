using System.Globalization;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace FeedWatch.Functions.Triggers;

/// <summary>
/// Reads the queue trigger's metadata (Id, DequeueCount …) from the invocation's binding data. The worker passes
/// these values as strings or JSON, depending on the host version, so each is read leniently.
/// </summary>
public static class QueueTriggerMetadata
{
    public static long? DequeueCount(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.BindingContext.BindingData.TryGetValue("DequeueCount", out var value) ? AsLong(value) : null;
    }

    public static string? MessageId(FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.BindingContext.BindingData.TryGetValue("Id", out var value) ? AsString(value) : null;
    }

    private static long? AsLong(object? value) => value switch
    {
        long number => number,
        int number => number,
        string text when long.TryParse(text.Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
        JsonElement { ValueKind: JsonValueKind.Number } element when element.TryGetInt64(out var number) => number,
        JsonElement { ValueKind: JsonValueKind.String } element => AsLong(element.GetString()),
        _ => null,
    };

    private static string? AsString(object? value) => value switch
    {
        null => null,
        string text => text.Trim('"'),
        JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
