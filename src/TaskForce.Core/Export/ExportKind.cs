namespace TaskForce.Core.Export;

/// <summary>What an export contains: progress reports or blockers.</summary>
public enum ExportKind
{
    Reports,
    Blockers,
}
