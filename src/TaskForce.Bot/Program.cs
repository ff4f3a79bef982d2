using TaskForce.Bot;
using TaskForce.Bot.Endpoints;
using TaskForce.Bot.Cli;
using TaskForce.Bot.Operations;
using Microsoft.Extensions.Options;

// Admin verbs (import, export, members, ...) run against the same configuration and database, then exit.
if (AdminCli.IsAdminCommand(args))
{
    return await AdminCli.RunAsync(args);
}

bool development = false;
try
{
    // appsettings.json is copied next to the executable; reading it from there rather than from the working folder
    // (where data/ and the administrator's files live) makes the bot configure itself the same from any folder.
    WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
    development = builder.Environment.IsDevelopment();
    builder.AddTaskForce();

    WebApplication app = builder.Build();

    // Every ValidateOnStart option at once, before anything reads one, so all bad values are reported together.
    app.Services.GetService<IStartupValidator>()?.Validate();
    app.LogStartup();

    // Migrations, the demo roster on an empty database, and the recognizer's training run before Kestrel accepts a request.
    await app.PrepareAsync(app.Lifetime.ApplicationStopping);

    app.UseDevelopmentHostRule();
    app.MapHealth();
    app.MapMessages();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ConfigurationErrors.Failures(ex) is { Count: > 0 } failures)
{
    // A bad setting is the operator's to fix: one line per value instead of a stack trace. In Development (and
    // under the test host) the exception still propagates after the list, for the debugger and the test.
    int exitCode = ConfigurationErrors.Report(failures, Console.Error);
    if (development)
    {
        throw;
    }

    return exitCode;
}

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
