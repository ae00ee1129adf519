using HaproxyNet.Host.Engine;

namespace HaproxyNet.Host.Runtime;

/// <summary>The real <see cref="IEngineHost"/>: runs <see cref="EngineProcess"/> on one dedicated loop thread.</summary>
/// <remarks>
/// 1.4's <c>main()</c> after <c>init()</c>. The loop owns its thread from bind to exit, so no data-path work is
/// ever handed to the thread pool; the generic host only waits for the exit status. In daemon mode the parent
/// does not run the engine: it starts a detached copy of itself (<see cref="DaemonLauncher"/>).
/// </remarks>
internal sealed class ProxyEngineHost : IEngineHost
{
    public const string ThreadName = "haproxynet-loop";

    public Task<int> RunAsync(EngineStartup startup, CancellationToken stoppingToken)
    {
        if (startup.Modes.IsDaemon && !DaemonLauncher.IsDaemonChild)
        {
            return Task.FromResult(DaemonLauncher.Launch(startup));
        }

        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => done.SetResult(RunEngine(startup)))
        {
            Name = ThreadName,
            IsBackground = false,
        };
        thread.Start();
        return done.Task;
    }

    private static int RunEngine(EngineStartup startup)
    {
        if (DaemonLauncher.IsDaemonChild)
        {
            // The front door ran silent in the child (the parent printed it all); the engine's alerts go out.
            // fd 2 itself, not a dup: the parent waits for the end of this pipe, which Detach() brings.
            var stderr = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(2, ownsHandle: false), FileAccess.Write, 1);
            startup = startup with { Diagnostics = new Output.DiagnosticPrinter(stderr, TimeProvider.System, Environment.ProcessId) };
        }

        try
        {
            var detach = DaemonLauncher.IsDaemonChild ? DaemonLauncher.PrepareDetach() : null;
            using var process = new EngineProcess(startup, EngineSettings.FromEnvironment());
            return process.Run(detach);
        }
        catch (Exception ex)
        {
            // No such path in 1.4: a HaproxyNet bug, reported instead of a raw stack dump.
            startup.Diagnostics.Alert("HaproxyNet internal error in the engine: " + ex + "\n");
            return 1;
        }
    }
}
