using System.Text.Json;

namespace TaskForce.Activities.Schema;

/// <summary>The HTTP status and JSON body that answer an <c>invoke</c> activity (§2.3).</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null);
