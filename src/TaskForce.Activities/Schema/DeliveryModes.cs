namespace TaskForce.Activities.Schema;

/// <summary>Values of <c>deliveryMode</c>; anything undefined means normal (A3111).</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string ExpectReplies = "expectReplies";
}
