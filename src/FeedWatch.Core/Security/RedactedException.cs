namespace FeedWatch.Core.Security;

/// <summary>
/// Stands in for a logged exception whose message or stack may hold a secret (a storage client's exception quoting a
/// SAS URL): it keeps the original type name and the redacted text, so the log stays useful.
/// </summary>
public sealed class RedactedException : Exception
{
    private readonly string _redactedText;

    public RedactedException(string originalType, string redactedMessage, string redactedText)
        : base(redactedMessage)
    {
        OriginalType = originalType;
        _redactedText = redactedText;
    }

    public RedactedException()
        : this(nameof(Exception), "", "")
    {
    }

    public RedactedException(string message)
        : this(nameof(Exception), message, message)
    {
    }

    public RedactedException(string message, Exception innerException)
        : base(message, innerException)
    {
        OriginalType = nameof(Exception);
        _redactedText = message;
    }

    public string OriginalType { get; } = nameof(Exception);

    public static RedactedException From(Exception exception, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(redactor);
        return new RedactedException(exception.GetType().FullName ?? exception.GetType().Name, redactor.Redact(exception.Message), redactor.Redact(exception.ToString()));
    }

    public override string ToString() => _redactedText;
}
