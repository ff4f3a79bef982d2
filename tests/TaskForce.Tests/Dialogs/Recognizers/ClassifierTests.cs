using TaskForce.Dialogs.Recognizers;
using TaskForce.Dialogs.Recognizers.Classifier;
using TaskForce.Tests.Architecture;
using YamlDotNet.Serialization;

namespace TaskForce.Tests.Dialogs.Recognizers;

public sealed class ClassifierTests
{
    private static readonly char[] s_trim = [' ', ',', '.', ';', '!', '?', '~', '\u3001', '\u3002'];
    private static readonly ClassifierRecognizer s_recognizer = new();

    [Fact]
    public void HeldOut_NoMessageIsATrainingExample()
    {
        HashSet<string> training = [.. TrainingSet.Examples(IntentsYaml()).Select(e => Key(e.Text))];

        string[] shared = [.. HeldOutCorpus.Lines.Select(l => l.Text).Where(t => training.Contains(Key(t)))];

        Assert.Empty(shared);
    }

    [Fact]
    public void HeldOut_HasThreeHundredMessagesOfEveryIntentInBothLanguages()
    {
        IReadOnlyList<(string Text, string Intent)> lines = HeldOutCorpus.Lines;

        Assert.True(lines.Count >= 300, $"only {lines.Count} messages");
        Assert.Empty(Enum.GetNames<Intent>().Except(lines.Select(l => l.Intent)).Except([nameof(Intent.Unclear)]));
        Assert.True(lines.Count(l => l.Text.All(c => c < '\u0100')) >= 100);
        Assert.True(lines.Count(l => l.Text.Any(c => c is >= 'a' and <= 'z') && l.Text.Any(c => c is >= '\u4E00' and <= '\u9FFF')) >= 5);
    }

    [Fact]
    public void Train_TwiceOnTheSameExamples_GivesTheSamePredictions()
    {
        IntentClassifier first = IntentClassifier.Train(IntentsYaml());
        IntentClassifier second = IntentClassifier.Train(IntentsYaml());

        Prediction[] a = [.. HeldOutCorpus.Lines.Select(l => first.Predict(TextNormalizer.Normalize(l.Text), RecognizedEntities.Empty))];
        Prediction[] b = [.. HeldOutCorpus.Lines.Select(l => second.Predict(TextNormalizer.Normalize(l.Text), RecognizedEntities.Empty))];

        Assert.Equal(a, b);
    }

    [Fact]
    public void Recognize_CorpusCases_KeepTheirIntentUnlessTheTrainingSectionRelabelsThem()
    {
        Dictionary<object, object> root = IntentsYaml();
        HashSet<string> relabelled = [.. TrainingSet.Training(root).Select(e => e.Text)];

        string[] wrong =
        [
            .. RecognizerCorpus.Instance.Cases
                .Select(c => (Text: RecognizerCorpus.Text(c, "text")!, Intent: RecognizerCorpus.Text(c, "intent")!))
                .Where(c => !relabelled.Contains(c.Text))
                .Where(c => s_recognizer.Recognize(c.Text, RecognizerCorpus.Instance.Context).Intent.ToString() != c.Intent)
                .Select(c => c.Text),
        ];

        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("good evening", Intent.Greeting)]
    [InlineData("谢谢你", Intent.Greeting)]
    [InlineData("海洋牧场 完成70%", Intent.ReportProgress)]
    [InlineData("取消", Intent.Cancel)]
    [InlineData("xyz qwerty", Intent.Unclear)]
    public void Recognize_Message_TakesIntent(string text, Intent expected)
    {
        Recognition result = s_recognizer.Recognize(text, RecognizerCorpus.Instance.Context);

        Assert.Equal(expected, result.Intent);
    }

    [Theory]
    [InlineData(0.9f, Intent.Help, Intent.Cancel, Intent.Cancel, Intent.Help)]
    [InlineData(0.45f, Intent.Help, Intent.Cancel, Intent.Cancel, Intent.Cancel)]
    [InlineData(0.45f, Intent.Help, Intent.Cancel, Intent.Back, Intent.Help)]
    [InlineData(0.45f, Intent.Help, Intent.Cancel, Intent.None, Intent.Help)]
    [InlineData(0.2f, Intent.Help, Intent.Cancel, Intent.Back, Intent.Back)]
    [InlineData(0.2f, Intent.Help, Intent.Cancel, Intent.None, Intent.Unclear)]
    public void Decide_ClassifierAndRules_ChoosesAsDocumented(float probability, Intent best, Intent second, Intent rules, Intent expected)
    {
        Prediction prediction = new(best, probability, second, probability / 2);

        Intent decided = ClassifierRecognizer.Decide(prediction, rules);

        Assert.Equal(expected, decided);
    }

    private static string Key(string text) => string.Concat(TextNormalizer.Normalize(text).Trim(s_trim).Where(c => c != ' '));

    private static Dictionary<object, object> IntentsYaml()
    {
        using StreamReader reader = new(Path.Combine(DependencyRulesTests.RepoRoot(), "dialogs", "intents.yaml"));
        return new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(reader);
    }
}
