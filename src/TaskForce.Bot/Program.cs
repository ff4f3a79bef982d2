using TaskForce.Bot;
using TaskForce.Bot.Endpoints;
using TaskForce.Bot.Cli;

// Admin verbs (import, export, members, ...) run against the same configuration and database, then exit.
if (AdminCli.IsAdminCommand(args))
{
    return await AdminCli.RunAsync(args);
}

WebApplicationBuilder builder = WebApplication.CreateBuilder(args);
builder.AddTaskForce();

WebApplication app = builder.Build();

// Migrations (and the demo roster on an empty database) run before Kestrel accepts a request.
await app.PrepareDatabaseAsync(app.Lifetime.ApplicationStopping);

app.MapHealth();
app.MapMessages();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host it with WebApplicationFactory.</summary>
public partial class Program;
