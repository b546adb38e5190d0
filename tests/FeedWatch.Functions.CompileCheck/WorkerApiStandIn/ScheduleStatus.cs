// TEST-ONLY STAND-IN of the Azure Functions worker API (see README.md in this folder). Mirrors the real signature.
namespace Microsoft.Azure.Functions.Worker;

public class ScheduleStatus
{
    public DateTime Last { get; set; }

    public DateTime Next { get; set; }

    public DateTime LastUpdated { get; set; }
}
