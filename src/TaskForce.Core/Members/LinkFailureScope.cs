namespace TaskForce.Core.Members;

/// <summary>Whose failed link attempts are counted.</summary>
public enum LinkFailureScope
{
    Everyone,
    Account,
    Conversation,
}
