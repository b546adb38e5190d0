using System.Collections;
using System.Globalization;

namespace FeedWatch.Core.Security;

/// <summary>A log entry's structured fields with every value that could carry a secret redacted.</summary>
public sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly IReadOnlyList<KeyValuePair<string, object?>> _fields;

    private RedactedLogState(string message, IReadOnlyList<KeyValuePair<string, object?>> fields)
    {
        Message = message;
        _fields = fields;
    }

    public string Message { get; }

    public int Count => _fields.Count;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public static RedactedLogState From<TState>(TState state, string redactedMessage, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        var fields = new List<KeyValuePair<string, object?>>();
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                // "{OriginalFormat}" is the template, written by the developer: keep it so sinks can group entries.
                fields.Add(new(key, key == "{OriginalFormat}" ? value : RedactValue(value, redactor)));
            }
        }

        return new RedactedLogState(redactedMessage, fields);
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => Message;

    private static object? RedactValue(object? value, SecretRedactor redactor) => value switch
    {
        null => null,
        string text => redactor.Redact(text),
        Uri url => redactor.Redact(url),
        // Numbers, dates, booleans and enums cannot carry a credential; keep their type for structured sinks.
        _ when value.GetType().IsPrimitive || value is decimal or DateTime or DateTimeOffset or TimeSpan or Guid or Enum => value,
        IFormattable formattable => redactor.Redact(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => redactor.Redact(value.ToString() ?? ""),
    };
}
