using System.Text;
using TaskForce.Dialogs.Recognizers;
using TaskForce.Tests.Architecture;

namespace TaskForce.Tests.Dialogs.Recognizers;

public sealed class ChineseConverterTests
{
    [Fact]
    public void ToSimplified_OpenCcSampleOfCharactersAndPhrases_MatchesOpenCc()
    {
        // The project's own overrides (t2s-words.txt) differ from OpenCC on purpose; TextNormalizerTests covers them.
        HashSet<string> overridden = [.. RecognizerData.Lines("t2s-words.txt").Select(line => line.Split(' ')[0])];
        string path = Path.Combine(DependencyRulesTests.RepoRoot(), "tests", "TaskForce.Tests", "Dialogs", "Recognizers", "opencc-t2s-sample.txt");
        List<string[]> pairs = [.. File.ReadLines(path).Where(line => !line.StartsWith('#')).Select(line => line.Split(' '))];

        List<string> mismatches = [];
        foreach (string[] pair in pairs.Where(pair => !overridden.Contains(pair[0])))
        {
            string simplified = ChineseConverter.ToSimplified(pair[0]);
            if (simplified != pair[1])
            {
                mismatches.Add($"{pair[0]}: {simplified} instead of {pair[1]}");
            }
        }

        Assert.Equal(400, pairs.Count);
        Assert.Empty(mismatches);
    }

    [Fact]
    public void ToSimplified_Gb2312LevelOneCharacters_AreLeftAlone()
    {
        // Level 1 of GB2312 (rows 16 to 55) holds the 3,755 most common Simplified characters.
        Encoding gb2312 = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        byte[] codes = [.. Enumerable.Range(0xB0, 0xD8 - 0xB0).SelectMany(row => Enumerable.Range(0xA1, 0xFF - 0xA1).SelectMany(cell => (byte[])[(byte)row, (byte)cell]))];
        string characters = new([.. gb2312.GetString(codes).Where(c => c is >= '\u4E00' and <= '\u9FFF')]);

        List<char> changed = [.. characters.Where(c => ChineseConverter.ToSimplified(c.ToString()) != c.ToString())];

        Assert.Equal(3755, characters.Length);
        Assert.Empty(changed);
        Assert.Equal(characters, ChineseConverter.ToSimplified(characters));
    }
}
