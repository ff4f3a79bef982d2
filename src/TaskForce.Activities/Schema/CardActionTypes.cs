namespace TaskForce.Activities.Schema;

/// <summary>Card action types ([ACT] A7350–A7441).</summary>
public static class CardActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string MessageBack = "messageBack";
    public const string OpenUrl = "openUrl";
}
