using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TaskForce.Bot.Operations;

/// <summary>Turns options validation failures at startup into one readable line per bad value and exit code 2.</summary>
internal static partial class ConfigurationErrors
{
    public const int ExitCode = 2;

    /// <summary>The validation failures inside <paramref name="exception"/> (also when wrapped), or none.</summary>
    public static IReadOnlyList<string> Failures(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var failures = new List<string>();
        Collect(exception, failures);
        return failures;
    }

    public static int Report(IReadOnlyList<string> failures, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine("The configuration is not valid; the bot did not start. Fix these values:");
        foreach (string failure in failures.Distinct(StringComparer.Ordinal))
        {
            error.WriteLine("  - " + failure);
        }

        return ExitCode;
    }

    private static void Collect(Exception exception, List<string> failures)
    {
        switch (exception)
        {
            case OptionsValidationException invalid:
                failures.AddRange(invalid.Failures.Select(f => Readable(invalid.OptionsType.Name, f)));
                break;
            case AggregateException aggregate:
                foreach (Exception inner in aggregate.InnerExceptions)
                {
                    Collect(inner, failures);
                }

                break;
            case { InnerException: { } inner }:
                Collect(inner, failures);
                break;
        }
    }

    /// <summary>"DataAnnotation validation failed for 'T' members: 'M' with the error: 'E'." becomes "T.M: E".</summary>
    internal static string Readable(string optionsType, string failure)
    {
        Match match = DataAnnotationFailure().Match(failure);
        return match.Success
            ? $"{optionsType}.{match.Groups["members"].Value}: {match.Groups["error"].Value}"
            : $"{optionsType}: {failure}";
    }

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '(?<members>[^']*)' with the error: '(?<error>.*)'\.$", RegexOptions.Singleline, 1000)]
    private static partial Regex DataAnnotationFailure();
}
