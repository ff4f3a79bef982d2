using System.Text.Json;
using Microsoft.Extensions.AI;

namespace TaskForce.Dialogs.Language;

/// <summary>The read-only functions offered to the model. Their arguments only narrow; the caller's scope is applied inside.</summary>
internal static class LeaderToolDeclarations
{
    public const string ListTasks = "list_tasks";
    public const string CampaignSummary = "campaign_summary";
    public const string OpenBlockers = "open_blockers";
    public const string ReportsSince = "reports_since";
    public const string Meetings = "meetings";

    public static IList<AITool> All { get; } =
    [
        Declare(ListTasks, "Tasks the caller may see, narrowed by campaign, department, due dates, overdue or traffic light.", """
            {
              "type": "object",
              "properties": {
                "campaign_id": { "type": "integer" },
                "department_id": { "type": "integer", "description": "Lead or supporting department." },
                "due_from": { "type": "string", "description": "yyyy-MM-dd" },
                "due_to": { "type": "string", "description": "yyyy-MM-dd" },
                "overdue": { "type": "boolean", "description": "Only unfinished tasks past their deadline." },
                "light": { "type": "string", "enum": ["green", "yellow", "red", "done"] },
                "limit": { "type": "integer", "minimum": 1, "maximum": 50 }
              }
            }
            """),
        Declare(CampaignSummary, "Traffic-light counts, overdue tasks, red and yellow tasks, and owners who have not reported, for one campaign or everything the caller sees.", """
            {
              "type": "object",
              "properties": {
                "campaign_id": { "type": "integer" },
                "reported_since": { "type": "string", "description": "yyyy-MM-dd; owners with no report since this day are listed. Default: 7 days ago." }
              }
            }
            """),
        Declare(OpenBlockers, "Open or acknowledged blockers the caller may see. Level 0 = team lead, 1 = commander, 2 = lead city leader.", """
            {
              "type": "object",
              "properties": {
                "campaign_id": { "type": "integer" },
                "min_level": { "type": "integer", "minimum": 0, "maximum": 2 },
                "min_age_days": { "type": "integer", "minimum": 0, "maximum": 365 },
                "assigned_to_me": { "type": "boolean", "description": "Only blockers the caller must act on." },
                "limit": { "type": "integer", "minimum": 1, "maximum": 50 }
              }
            }
            """),
        Declare(ReportsSince, "Progress reports since a day, newest first.", """
            {
              "type": "object",
              "properties": {
                "since": { "type": "string", "description": "yyyy-MM-dd" },
                "campaign_id": { "type": "integer" },
                "task_id": { "type": "integer" },
                "limit": { "type": "integer", "minimum": 1, "maximum": 50 }
              },
              "required": ["since"]
            }
            """),
        Declare(Meetings, "Regular meetings the caller may see and the items decided at them.", """
            {
              "type": "object",
              "properties": {
                "campaign_id": { "type": "integer" },
                "decided_since": { "type": "string", "description": "yyyy-MM-dd; default 30 days ago." },
                "limit": { "type": "integer", "minimum": 1, "maximum": 50 }
              }
            }
            """),
    ];

    private static AIFunctionDeclaration Declare(string name, string description, string schema) =>
        AIFunctionFactory.CreateDeclaration(name, description, JsonDocument.Parse(schema).RootElement.Clone());
}
