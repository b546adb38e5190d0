// TEST-ONLY STAND-IN of the Azure Functions worker API (see README.md in this folder). Mirrors the real signature.
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

public sealed class TimerTriggerAttribute : TriggerBindingAttribute
{
    public TimerTriggerAttribute(string schedule)
    {
        Schedule = schedule;
        UseMonitor = true;
    }

    /// <summary>An NCRONTAB expression, a TimeSpan, or a %setting% resolved from app settings.</summary>
    public string Schedule { get; private set; }

    public bool UseMonitor { get; set; }

    public bool RunOnStartup { get; set; }
}
