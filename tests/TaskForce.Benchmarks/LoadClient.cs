using System.Diagnostics;
using System.Net;
using System.Text;

namespace TaskForce.Benchmarks;

/// <summary>What one virtual user sends next: the request bodies of one round (e.g. report, then confirm).</summary>
internal delegate IReadOnlyList<string> RoundFactory(int user, int round);

/// <summary>Latencies and counts of one load level.</summary>
internal sealed record LoadResult(int Concurrency, int Requests, int Rounds, int Errors, TimeSpan Elapsed, double[] LatenciesMs)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public double RoundsPerSecond => Rounds / Elapsed.TotalSeconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        double[] sorted = [.. LatenciesMs.Order()];
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }
}

/// <summary>
/// An in-repo load generator: N concurrent loops, each a virtual user posting its rounds to <c>/api/messages</c>
/// on one shared pooled <see cref="SocketsHttpHandler"/>, until the level's time is up.
/// </summary>
internal static class LoadClient
{
    public static async Task<LoadResult> RunAsync(Uri baseAddress, int concurrency, TimeSpan duration, RoundFactory rounds, CancellationToken cancellationToken)
    {
        using SocketsHttpHandler handler = new() { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using HttpClient client = new(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new List<double>[concurrency];
        int requests = 0, completed = 0, errors = 0;
        Stopwatch clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async user =>
        {
            latencies[user] = [];
            for (int round = 0; clock.Elapsed < duration; round++)
            {
                bool ok = true;
                foreach (string body in rounds(user, round))
                {
                    long started = Stopwatch.GetTimestamp();
                    HttpStatusCode status = await PostAsync(client, body, cancellationToken);
                    latencies[user].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Increment(ref requests);
                    if (status != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                        ok = false;
                    }
                }

                if (ok)
                {
                    Interlocked.Increment(ref completed);
                }
            }
        }));
        clock.Stop();
        return new LoadResult(concurrency, requests, completed, errors, clock.Elapsed, [.. latencies.SelectMany(list => list)]);
    }

    public static async Task<HttpStatusCode> PostAsync(HttpClient client, string body, CancellationToken cancellationToken)
    {
        using StringContent content = new(body, Encoding.UTF8, "application/json");
        try
        {
            using HttpResponseMessage response = await client.PostAsync(new Uri("api/messages", UriKind.Relative), content, cancellationToken);
            _ = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }
}
