using System.CommandLine;
using System.CommandLine.Invocation;
using FeedWatch.Hosting.Workers;

namespace FeedWatch.Cli.Hosting;

/// <summary>
/// Wraps a command's action: a read-only, permission-denied or full data folder ends the command with one clear line
/// on stderr and exit code 1, a malformed --storage with exit code 2 — never a stack trace.
/// </summary>
internal sealed class StorageFaultGuard(AsynchronousCommandLineAction inner, CliContext context) : AsynchronousCommandLineAction
{
    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        try
        {
            return await inner.InvokeAsync(parseResult, cancellationToken);
        }
        catch (Exception ex) when (StorageFault.IsFatal(ex))
        {
            await context.Error.WriteLineAsync("error: " + StorageFault.Describe(ex));
            return 1;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException && parseResult.Tokens.Any(t => t.Value == "--storage"))
        {
            // A malformed connection string: say which option, never echo the string (it may hold a key).
            await context.Error.WriteLineAsync("error: --storage is not a valid Azure Storage connection string: " + FeedWatch.Core.Security.SecretRedactor.Shared.Redact(ex.Message));
            return 2;
        }
    }

    /// <summary>Guards every command below <paramref name="command"/>.</summary>
    public static void Apply(Command command, CliContext context)
    {
        if (command.Action is AsynchronousCommandLineAction action and not StorageFaultGuard)
        {
            command.Action = new StorageFaultGuard(action, context);
        }

        foreach (var sub in command.Subcommands)
        {
            Apply(sub, context);
        }
    }
}
