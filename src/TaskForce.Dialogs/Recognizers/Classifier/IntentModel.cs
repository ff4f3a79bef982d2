namespace TaskForce.Dialogs.Recognizers.Classifier;

/// <summary>
/// A multinomial logistic regression (maximum entropy) over hashed features: one weight per slot and intent, laid out
/// slot-major so that a message's features read contiguous memory. Training is plain stochastic gradient descent in a
/// fixed order with a fixed learning-rate schedule, so the same examples always give the same weights.
/// </summary>
internal sealed class IntentModel
{
    private const int Epochs = 40;
    private const float LearningRate = 0.4f;
    private const float L2 = 1e-6f;

    private readonly Intent[] _classes;
    private readonly float[] _weights;
    private readonly float[] _bias;

    private IntentModel(Intent[] classes)
    {
        _classes = classes;
        _weights = new float[IntentFeatures.Buckets * classes.Length];
        _bias = new float[classes.Length];
    }

    public int ClassCount => _classes.Length;

    /// <summary>Trains on the examples (feature slots and intent), in the order given, deterministically.</summary>
    public static IntentModel Train(IReadOnlyList<(int[] Slots, Intent Intent)> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        Intent[] classes = [.. examples.Select(e => e.Intent).Distinct().Order()];
        IntentModel model = new(classes);
        int[] labels = [.. examples.Select(e => Array.IndexOf(classes, e.Intent))];
        int[] order = [.. Enumerable.Range(0, examples.Count)];
        uint state = 0x2545F491;
        float[] probabilities = new float[classes.Length];
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            Shuffle(order, ref state);
            float rate = LearningRate / (1 + (epoch * 0.15f));
            foreach (int index in order)
            {
                model.Step(examples[index].Slots, labels[index], rate, probabilities);
            }
        }

        return model;
    }

    /// <summary>The most probable intent, its probability, and the runner-up.</summary>
    public Prediction Predict(ReadOnlySpan<int> slots)
    {
        Span<float> scores = stackalloc float[_classes.Length];
        Scores(slots, scores);
        Softmax(scores);
        int best = 0;
        int second = -1;
        for (int c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                second = best;
                best = c;
            }
            else if (second < 0 || scores[c] > scores[second])
            {
                second = c;
            }
        }

        return new Prediction(_classes[best], scores[best], second < 0 ? Intent.None : _classes[second], second < 0 ? 0 : scores[second]);
    }

    private void Step(int[] slots, int label, float rate, float[] probabilities)
    {
        Scores(slots, probabilities);
        Softmax(probabilities);
        float scale = Scale(slots.Length);
        int classes = _classes.Length;
        for (int c = 0; c < classes; c++)
        {
            float gradient = probabilities[c] - (c == label ? 1 : 0);
            _bias[c] -= rate * gradient;
            float step = rate * gradient * scale;
            foreach (int slot in slots)
            {
                ref float weight = ref _weights[(slot * classes) + c];
                weight -= step + (rate * L2 * weight);
            }
        }
    }

    private void Scores(ReadOnlySpan<int> slots, Span<float> scores)
    {
        int classes = _classes.Length;
        _bias.CopyTo(scores);
        float scale = Scale(slots.Length);
        Span<float> sums = stackalloc float[classes];
        sums.Clear();
        foreach (int slot in slots)
        {
            ReadOnlySpan<float> row = _weights.AsSpan(slot * classes, classes);
            for (int c = 0; c < classes; c++)
            {
                sums[c] += row[c];
            }
        }

        for (int c = 0; c < classes; c++)
        {
            scores[c] += sums[c] * scale;
        }
    }

    /// <summary>Features weigh 1/sqrt(n), so a long message does not overwhelm the bias and a short one still counts.</summary>
    private static float Scale(int count) => count == 0 ? 0 : 1 / MathF.Sqrt(count);

    private static void Softmax(Span<float> scores)
    {
        float max = float.NegativeInfinity;
        foreach (float score in scores)
        {
            max = Math.Max(max, score);
        }

        float sum = 0;
        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] = MathF.Exp(scores[c] - max);
            sum += scores[c];
        }

        for (int c = 0; c < scores.Length; c++)
        {
            scores[c] /= sum;
        }
    }

    /// <summary>Fisher–Yates with a fixed xorshift generator: the same order on every machine and runtime.</summary>
    private static void Shuffle(int[] order, ref uint state)
    {
        for (int i = order.Length - 1; i > 0; i--)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            int j = (int)(state % (uint)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
    }
}

/// <summary>The classifier's answer: the best intent with its probability, and the runner-up with its own.</summary>
internal readonly record struct Prediction(Intent Intent, float Probability, Intent Second, float SecondProbability);
