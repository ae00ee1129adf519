using System.Collections.Concurrent;
using System.Diagnostics;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>
/// The proxy under test as a child process (<c>&lt;prefix&gt; -db -f &lt;cfg&gt;</c>), its output copied to
/// stdout.log/stderr.log. It is only ever signalled by its own PID, and it is SIGKILLed on <see cref="Dispose"/>
/// and at test-process exit if it is still alive, so a failing test never leaves a proxy behind.
/// </summary>
public sealed class ProxyProcess : IDisposable
{
    private static readonly ConcurrentDictionary<int, Process> Live = new();

    private readonly Process _process;
    private readonly Task _stdout;
    private readonly Task _stderr;
    private bool _disposed;

    static ProxyProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var pid in Live.Keys)
            {
                PosixSignals.Send(pid, PosixSignals.SigKill);
            }
        };
    }

    private ProxyProcess(Process process, string stdoutPath, string stderrPath)
    {
        _process = process;
        Pid = process.Id;
        Live[Pid] = process;
        process.StandardInput.Close();
        _stdout = CopyAsync(process.StandardOutput.BaseStream, stdoutPath);
        _stderr = CopyAsync(process.StandardError.BaseStream, stderrPath);
    }

    public int Pid { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="argv"/> in <paramref name="workingDirectory"/>, stdin closed, output to the two files.</summary>
    /// <param name="environment">Variables added to (or, when null, removed from) the inherited environment.</param>
    public static ProxyProcess Start(
        IReadOnlyList<string> argv, string workingDirectory, string stdoutPath, string stderrPath,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(argv[0])
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        for (var i = 1; i < argv.Count; i++)
        {
            info.ArgumentList.Add(argv[i]);
        }

        if (environment is not null)
        {
            foreach (var (name, value) in environment)
            {
                info.Environment[name] = value;
            }
        }

        try
        {
            var process = Process.Start(info) ?? throw new ScenarioException("could not start " + argv[0]);
            return new ProxyProcess(process, stdoutPath, stderrPath);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ScenarioException($"could not start {argv[0]}: {e.Message}", e);
        }
    }

    /// <summary>Waits until every port in <paramref name="ports"/> is in LISTEN state; false if the process exits or time runs out.</summary>
    public bool WaitListening(IReadOnlyCollection<int> ports, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                return false;
            }

            var listening = ListeningPorts.Read();
            if (listening is null)
            {
                // No /proc: give the proxy a fixed delay.
                Thread.Sleep(1000);
                return !_process.HasExited;
            }

            if (ports.All(listening.Contains))
            {
                return true;
            }

            Thread.Sleep(20);
        }

        return false;
    }

    /// <summary>
    /// SIGUSR1 (soft stop) and <paramref name="grace"/>, then SIGTERM twice (1 s each), then SIGKILL (2 s); stops as
    /// soon as the process is gone. Returns the exit code, or null if it is somehow still running.
    /// </summary>
    public int? Stop(TimeSpan grace, Action<string> timeline)
    {
        (int Signal, TimeSpan Wait)[] plan =
        [
            (PosixSignals.SigUsr1, grace),
            (PosixSignals.SigTerm, TimeSpan.FromSeconds(1)),
            (PosixSignals.SigTerm, TimeSpan.FromSeconds(1)),
            (PosixSignals.SigKill, TimeSpan.FromSeconds(2)),
        ];
        foreach (var (signal, wait) in plan)
        {
            if (_process.HasExited)
            {
                break;
            }

            timeline($"sending {PosixSignals.Name(signal)} to pid {Pid}");
            if (!PosixSignals.Send(Pid, signal))
            {
                break;
            }

            _process.WaitForExit(wait);
        }

        return Finish();
    }

    /// <summary>SIGKILL by PID if still running, then releases everything.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            PosixSignals.Send(Pid, PosixSignals.SigKill);
            _process.WaitForExit(TimeSpan.FromSeconds(2));
        }

        Finish();
        _process.Dispose();
    }

    private int? Finish()
    {
        if (!_process.HasExited)
        {
            return null;
        }

        Live.TryRemove(Pid, out _);
        // The output copies end when the pipes close; bounded in case a grandchild keeps them open.
        Task.WaitAll([_stdout, _stderr], TimeSpan.FromSeconds(2));
        return _process.ExitCode;
    }

    /// <summary>Copies a pipe to a file chunk by chunk, flushed at once, so tests can read it while the process runs.</summary>
    private static async Task CopyAsync(Stream source, string path)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
        var buffer = new byte[4096];
        try
        {
            int n;
            while ((n = await source.ReadAsync(buffer)) > 0)
            {
                await file.WriteAsync(buffer.AsMemory(0, n));
                await file.FlushAsync();
            }
        }
        catch (IOException)
        {
        }
    }
}
