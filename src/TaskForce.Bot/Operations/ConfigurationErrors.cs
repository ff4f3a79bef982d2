using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace TaskForce.Bot.Operations;

/// <summary>Turns options validation and binding failures at startup into one readable line per bad value and exit code 2.</summary>
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
            case InvalidOperationException when BinderFailure().Match(exception.Message) is { Success: true } unreadable:
                failures.Add(Unreadable(unreadable));
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

    /// <summary>
    /// The binder's "Failed to convert configuration value 'V' at 'K' to type 'T'." (thrown when an option is first
    /// read, before any validation runs) becomes "K: 'V' is not …", named by the key the operator typed.
    /// </summary>
    private static string Unreadable(Match match)
    {
        string key = match.Groups["key"].Value;
        string value = match.Groups["value"].Value;
        string typeName = match.Groups["type"].Value;
        Type? type = Type.GetType(typeName)
            ?? AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetType(typeName)).FirstOrDefault(found => found is not null);
        string expected = type switch
        {
            { IsEnum: true } => "one of " + string.Join(", ", Enum.GetNames(type)),
            _ when type == typeof(TimeSpan) => "a time span such as 00:00:30 or 1.00:00:00",
            _ when type == typeof(int) || type == typeof(long) => "a whole number",
            _ when type == typeof(double) || type == typeof(decimal) => "a number",
            _ when type == typeof(bool) => "true or false",
            _ => "a valid " + (type?.Name ?? typeName),
        };
        return $"{key}: '{value}' is not {expected}.";
    }

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'\.$", RegexOptions.Singleline, 1000)]
    private static partial Regex BinderFailure();

    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']*' members: '(?<members>[^']*)' with the error: '(?<error>.*)'\.$", RegexOptions.Singleline, 1000)]
    private static partial Regex DataAnnotationFailure();
}
