namespace TaskForce.Core.Roster;

/// <summary>Configuration section "Roster": the demo roster loaded into an empty database at start-up.</summary>
public sealed class RosterOptions
{
    public const string SectionName = "Roster";

    /// <summary>Path of the demo roster; a relative path is looked up next to the app first, then in the current directory.</summary>
    public string DemoFile { get; set; } = "samples/demo-roster.yaml";

    public bool ImportDemoWhenEmpty { get; set; } = true;
}
