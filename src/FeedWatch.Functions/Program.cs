// The Azure Functions worker: the same AddFeedWatch() composition as `feedwatch run`, with the Functions host's
// triggers (timer + storage queues, see Functions/) in place of the local host's polling workers.
//
// FunctionsApplication.CreateBuilder already applies ConfigureFunctionsWorkerDefaults(); the app has no HTTP
// triggers, so it does not need ConfigureFunctionsWebApplication() (ASP.NET Core integration).
using FeedWatch.Functions.Composition;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);

builder.AddFeedWatchFunctions();

builder.Build().Run();
