using FeedWatch.Cli.Commands;

return await CommandCatalog.CreateRootCommand().Parse(args).InvokeAsync();
