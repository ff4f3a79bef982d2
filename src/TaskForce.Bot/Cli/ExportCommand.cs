using System.CommandLine;
using System.Globalization;
using TaskForce.Core.Export;

namespace TaskForce.Bot.Cli;

/// <summary><c>export reports|blockers --from --to [--out]</c>: CSV in UTF-8 with BOM, times in Asia/Shanghai.</summary>
internal static class ExportCommand
{
    public static Command Create(CliServices services)
    {
        Argument<string> kind = new("kind") { Description = "What to export: reports or blockers" };
        kind.AcceptOnlyFromAmong("reports", "blockers");
        Option<string> from = new("--from") { Description = "First day, yyyy-MM-dd (Asia/Shanghai)", Required = true };
        Option<string> to = new("--to") { Description = "Last day, yyyy-MM-dd (Asia/Shanghai), inclusive", Required = true };
        Option<string?> outFile = new("--out") { Description = "Output file; standard output when omitted" };
        Command command = new("export", "Export progress reports or blockers as CSV for assessment and review.") { kind, from, to, outFile };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TextWriter error = parseResult.InvocationConfiguration.Error;
            if (!TryDate(parseResult.GetValue(from), out DateOnly first) || !TryDate(parseResult.GetValue(to), out DateOnly last) || last < first)
            {
                await error.WriteLineAsync("--from and --to must be dates in the form yyyy-MM-dd, with --to not before --from.");
                return 1;
            }

            ExportKind exportKind = parseResult.GetValue(kind) == "blockers" ? ExportKind.Blockers : ExportKind.Reports;
            CsvExporter exporter = (await services.GetAsync(cancellationToken)).GetRequiredService<CsvExporter>();
            if (parseResult.GetValue(outFile) is { } path)
            {
                await using FileStream stream = File.Create(path);
                await exporter.WriteAsync(exportKind, first, last, stream, cancellationToken);
                await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Wrote {Path.GetFullPath(path)}");
            }
            else
            {
                await parseResult.InvocationConfiguration.Output.WriteAsync('\uFEFF' + await exporter.BuildAsync(exportKind, first, last, cancellationToken));
            }

            return 0;
        });
        return command;
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
