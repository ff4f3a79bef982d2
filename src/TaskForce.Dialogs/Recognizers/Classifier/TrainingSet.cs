using System.Globalization;

namespace TaskForce.Dialogs.Recognizers.Classifier;

/// <summary>
/// The classifier's training examples, all from dialogs/intents.yaml: every corpus case with its intent, every exact
/// word and contained phrase of an intent, and the extra examples of its <c>training</c> section. Cases are read
/// against the file's fixture, so the rule features of an example are those a real message would have.
/// </summary>
internal static class TrainingSet
{
    public static IReadOnlyList<(string Text, Intent Intent)> Examples(Dictionary<object, object> root)
    {
        ArgumentNullException.ThrowIfNull(root);
        List<(string, Intent)> examples = [];
        HashSet<string> relabelled = [.. Training(root).Select(e => e.Text)];
        foreach (object item in RecognizerData.List(root, "cases"))
        {
            var map = (Dictionary<object, object>)item;
            string text = RecognizerData.Text(map["text"]);
            if (!relabelled.Contains(text))
            {
                examples.Add((text, Enum.Parse<Intent>(RecognizerData.Text(map["intent"]))));
            }
        }

        foreach ((object key, object value) in RecognizerData.Map(root, "intents"))
        {
            var intent = Enum.Parse<Intent>(RecognizerData.Text(key));
            var map = (Dictionary<object, object>)value;
            examples.AddRange(RecognizerData.Strings(map, "exact").Concat(RecognizerData.Strings(map, "contains")).Select(w => (w, intent)));
        }

        examples.AddRange(Training(root));
        return examples;
    }

    /// <summary>
    /// The examples of the training section. A text that is also a corpus case takes the training section's intent
    /// for the classifier: the case states what the rules alone answer ("hello" is nothing to them, a greeting here).
    /// </summary>
    public static IEnumerable<(string Text, Intent Intent)> Training(Dictionary<object, object> root)
    {
        ArgumentNullException.ThrowIfNull(root);
        foreach ((object key, object value) in RecognizerData.Map(root, "training"))
        {
            var intent = Enum.Parse<Intent>(RecognizerData.Text(key));
            foreach (object text in (List<object>)value)
            {
                yield return (RecognizerData.Text(text), intent);
            }
        }
    }

    /// <summary>The tasks, departments and campaigns the examples are written against.</summary>
    public static RecognitionContext Fixture(Dictionary<object, object> root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Dictionary<object, object> fixture = RecognizerData.Map(root, "fixture");
        return new RecognitionContext(
            DateOnly.ParseExact(RecognizerData.Text(fixture["today"]), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            [.. RecognizerData.List(fixture, "tasks").Cast<Dictionary<object, object>>().Select(task => new TaskCandidate(
                Id(task), RecognizerData.Text(task["title"]), RecognizerData.OptionalText(task, "title-en"), Aliases(task), RecognizerData.Int(task["list"])))],
            [.. RecognizerData.List(fixture, "departments").Cast<Dictionary<object, object>>().Select(Named)],
            [.. RecognizerData.List(fixture, "campaigns").Cast<Dictionary<object, object>>().Select(Named)]);
    }

    private static long Id(Dictionary<object, object> map) => long.Parse(RecognizerData.Text(map["id"]), CultureInfo.InvariantCulture);

    private static string[] Aliases(Dictionary<object, object> map) => RecognizerData.Strings(map, "aliases");

    private static NamedCandidate Named(Dictionary<object, object> map) =>
        new(Id(map), RecognizerData.Text(map["name"]), RecognizerData.OptionalText(map, "name-en"), Aliases(map));
}
