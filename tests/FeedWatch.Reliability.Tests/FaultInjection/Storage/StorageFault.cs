namespace FeedWatch.Reliability.Tests.FaultInjection.Storage;

/// <summary>What the fault-injecting proxy does to one storage request.</summary>
public enum StorageFault
{
    None,

    /// <summary>500 InternalError; the request never reaches Azurite.</summary>
    InternalError,

    /// <summary>503 ServerBusy without Retry-After; the request never reaches Azurite.</summary>
    ServerBusy,

    /// <summary>503 ServerBusy with Retry-After: 1; the request never reaches Azurite.</summary>
    ServerBusyRetryAfter,

    /// <summary>Azurite executes the request, the answer is held beyond the client's network timeout.</summary>
    Timeout,

    /// <summary>The connection is reset (TCP RST) after the request head, before Azurite sees anything.</summary>
    ResetMidRequest,

    /// <summary>Azurite executes the request, the connection is reset halfway through its answer.</summary>
    ResetMidResponse,

    /// <summary>Another writer rewrites the blob between the pipeline's read and its If-Match write: a real 412 from Azurite.</summary>
    PreconditionRace,
}
