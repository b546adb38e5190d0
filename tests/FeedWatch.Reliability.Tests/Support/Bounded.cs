namespace FeedWatch.Reliability.Tests.Support;

/// <summary>Runs hostile work on the thread pool with a hard deadline, so a hang fails the test instead of stalling CI.</summary>
internal static class Bounded
{
    public static async Task<T> RunAsync<T>(Func<T> work, TimeSpan limit, string what)
    {
        var task = Task.Run(work);
        try
        {
            return await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{what} did not finish within {limit.TotalSeconds:0} s");
        }
    }

    /// <summary>Bytes allocated by the current thread while <paramref name="work"/> ran, with its result.</summary>
    public static (T Result, long Allocated) Measure<T>(Func<T> work)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = work();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
