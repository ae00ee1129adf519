using System.Reflection;
using System.Runtime.CompilerServices;

namespace HaproxyNet.EndToEnd.Tests.Support;

/// <summary>Compiles the scenario runner (clients, backends, syslog receiver) once before the first timed run.</summary>
/// <remarks>
/// The harness's own clients and echo backends run in this test process: the first session of the first scenario
/// otherwise pays their just-in-time compilation (tcp-basic measured Tt=237 ms for a 0 ms session on a loaded
/// 2-core machine, beyond the 100 ms tolerance). The Python harness has no such cost.
/// </remarks>
internal static class RunnerWarmup
{
    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
        BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Lazy<int> Done = new(static () =>
    {
        // The runner's clients, backends and syslog receiver are async on the thread pool; start with enough
        // workers that a burst never waits for the pool's slow thread injection (~0.5-1 s per thread).
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        LoopbackRoundTrip();
        return Prepare(typeof(HaproxyNet.Testing.Scenarios.ScenarioRunner).Assembly);
    });

    private static readonly Lazy<bool> ScenarioDone = new(static () =>
    {
        // One discarded run of the shortest scenario: the runner's async clients and backends are generic
        // state machines that PrepareMethod does not reach.
        var dll = Path.Combine(AppContext.BaseDirectory, "haproxynet.dll");
        var output = new TempDirectory("e2e-warmup");
        _ = HaproxyNet.Testing.Scenarios.ScenarioRunner.Run($"dotnet \"{dll}\"", HaproxyNet.Testing.TestDataPaths.Golden("tcp-basic"), output.Path);
        output.Dispose();
        return true;
    });

    public static void EnsureDone()
    {
        _ = Done.Value;
        _ = ScenarioDone.Value;
    }

    /// <summary>One accept/connect/send/receive/close on 127.0.0.1, so the socket stack is compiled too.</summary>
    private static void LoopbackRoundTrip()
    {
        using var listener = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        listener.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        listener.Listen();
        using var client = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        client.Connect(listener.LocalEndPoint!);
        using var server = listener.Accept();
        client.Send([1]);
        var buffer = new byte[1];
        server.ReceiveTimeout = 5000;
        _ = server.Receive(buffer);
        server.Send(buffer);
        client.ReceiveTimeout = 5000;
        _ = client.Receive(buffer);
        client.Shutdown(System.Net.Sockets.SocketShutdown.Both);
    }

    private static int Prepare(Assembly assembly)
    {
        var count = 0;
        foreach (var type in assembly.GetTypes())
        {
            if (type.ContainsGenericParameters || type.Namespace?.EndsWith(".Scenarios", StringComparison.Ordinal) != true)
            {
                continue;
            }

            foreach (var method in type.GetMethods(All))
            {
                if (method.IsAbstract || method.ContainsGenericParameters)
                {
                    continue;
                }

                try
                {
                    RuntimeHelpers.PrepareMethod(method.MethodHandle);
                    count++;
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or NotSupportedException)
                {
                    // compiled on first call as usual
                }
            }
        }

        return count;
    }
}
