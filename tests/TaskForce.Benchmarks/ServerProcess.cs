using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace TaskForce.Benchmarks;

/// <summary>
/// A server started as a separate process on a loopback port, with its CPU time and memory read from its own
/// counters in <c>/proc</c>, so the load client's work is never counted.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly long s_ticksPerSecond = 100;
    private readonly Process _process;

    private ServerProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static int FreePort()
    {
        using TcpListener listener = new(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts <c>dotnet dll args</c> and waits until <c>/healthz</c> answers.</summary>
    public static async Task<ServerProcess> StartAsync(
        string dll, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, int port, CancellationToken cancellationToken)
    {
        ProcessStartInfo start = new("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string key, string value) in environment)
        {
            start.Environment[key] = value;
        }

        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + dll);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("  [server] " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ServerProcess server = new(process, port);
        await server.WaitReadyAsync(cancellationToken);
        return server;
    }

    public async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using HttpClient client = new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        Stopwatch waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"server exited with {_process.ExitCode} before it was ready");
            }

            try
            {
                using HttpResponseMessage response = await client.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException("server not ready after 90 s");
    }

    /// <summary>User plus system CPU time of the process so far (utime + stime of /proc/pid/stat).</summary>
    public TimeSpan CpuTime()
    {
        string stat = File.ReadAllText($"/proc/{_process.Id}/stat");
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((double)ticks / s_ticksPerSecond);
    }

    /// <summary>Resident memory now and its peak, in MiB (VmRSS and VmHWM of /proc/pid/status).</summary>
    public (double Rss, double Peak) Memory()
    {
        double rss = 0, peak = 0;
        foreach (string line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line) / 1024.0;
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line) / 1024.0;
            }
        }

        return (rss, peak);
    }

    /// <summary>SIGKILL: the process gets no chance to flush or shut down.</summary>
    public async Task KillHardAsync()
    {
        using Process kill = Process.Start("kill", ["-9", _process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
