// TEST-ONLY STAND-IN of the Azure Functions worker API (see README.md in this folder). Mirrors the real signature.
namespace Microsoft.Azure.Functions.Worker;

#pragma warning disable CA1052 // the real TimerInfo is an unsealed class with settable properties
public class TimerInfo
#pragma warning restore CA1052
{
    public ScheduleStatus? ScheduleStatus { get; set; }

    public bool IsPastDue { get; set; }
}
