namespace FeedWatch.Alerts.Chat;

/// <summary>Which chat product's incoming-webhook format to send.</summary>
public enum ChatFlavor
{
    Slack,
    Teams,
}
