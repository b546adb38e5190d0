using System.CommandLine;
using FeedWatch.Cli.Commands;
using FeedWatch.Hosting.Workers;

try
{
    return await CommandCatalog.CreateRootCommand().Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex) when (StorageFault.IsFatal(ex))
{
    // A read-only, permission-denied or full data folder: one clear line, no stack trace.
    await Console.Error.WriteLineAsync("error: " + StorageFault.Describe(ex));
    return 1;
}
