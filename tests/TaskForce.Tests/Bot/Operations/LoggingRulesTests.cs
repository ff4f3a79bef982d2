using System.Text.RegularExpressions;

namespace TaskForce.Tests.Bot.Operations;

/// <summary>Logs go through [LoggerMessage] only, and no template at Information or above carries message text or secrets.</summary>
public sealed partial class LoggingRulesTests
{
    [Fact]
    public void Sources_DirectLoggerExtensionCalls_None()
    {
        string[] offenders = [.. SourceFiles().Where(f => DirectCall().IsMatch(File.ReadAllText(f))).Select(Path.GetFileName)!];

        Assert.Empty(offenders);
    }

    [Fact]
    public void LoggerMessages_InformationOrAbove_NoTextOrSecretParameters()
    {
        var offenders = new List<string>();
        int scanned = 0;
        foreach (string file in SourceFiles())
        {
            foreach (Match message in LoggerMessage().Matches(File.ReadAllText(file)))
            {
                scanned++;
                if (message.Groups["level"].Value is not ("Debug" or "Trace") && Sensitive().IsMatch(message.Groups["rest"].Value))
                {
                    offenders.Add($"{Path.GetFileName(file)}: {message.Groups["rest"].Value.Trim()}");
                }
            }
        }

        Assert.True(scanned >= 40, $"only {scanned} [LoggerMessage] declarations found");
        Assert.Empty(offenders);
    }

    [Fact]
    public void Sensitive_TextParameter_Matches()
    {
        Assert.Matches(Sensitive(), "Message = \"Got {Text}\")]\n    public static partial void Got(this ILogger logger, string text);");
        Assert.Matches(Sensitive(), "Message = \"Key {ApiKey}\")]");
        Assert.DoesNotMatch(Sensitive(), "Message = \"Turn {ActivityId}: intent {Intent}\")]\n    public static partial void DialogTurn(this ILogger logger, string? activityId, string intent);");
    }

    private static IEnumerable<string> SourceFiles()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "Bot.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        Assert.NotNull(directory);
        string[] files = Directory.GetFiles(Path.Combine(directory, "src"), "*.cs", SearchOption.AllDirectories);
        return files.Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"\.Log(Trace|Debug|Information|Warning|Error|Critical)\(")]
    private static partial Regex DirectCall();

    [GeneratedRegex(@"\[LoggerMessage\([^\]]*Level\s*=\s*LogLevel\.(?<level>\w+)(?<rest>[^\]]*\]\s*[^;]*;)", RegexOptions.Singleline)]
    private static partial Regex LoggerMessage();

    [GeneratedRegex(@"\{(Text|MessageText|Password|ApiKey|Secret|Token|ClientSecret)\}|\b(string\??)\s+(text|messageText|password|apiKey|secret|token|clientSecret)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Sensitive();
}
