namespace TaskForce.Dialogs.Texts;

/// <summary>A sentence in <c>dialogs/{File}.yaml</c> under key <see cref="Name"/>.</summary>
public readonly record struct TextKey(string File, string Name)
{
    public override string ToString() => $"{File}/{Name}";
}
