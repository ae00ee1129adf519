using System.Diagnostics;
using System.Globalization;
using System.Text;
using HaproxyNet.Host.Cli;
using HaproxyNet.Host.Engine;

namespace HaproxyNet.Host.Runtime;

/// <summary>
/// <c>-D</c> without <c>fork()</c>: the parent starts detached copies of itself and exits 0 once they are bound.
/// </summary>
/// <remarks>
/// 1.4's daemon step of <c>main()</c> (CLI.md §3 steps 8, 9 and 11): bind, create the pidfile, tell the old PIDs,
/// fork <c>nbproc</c> children, exit 0. A .NET process cannot fork, so each child is this program again with the
/// same arguments and <see cref="ChildVariable"/>=1, and the child does all the work: it reads the configuration,
/// binds (taking the old process's sockets, <see cref="HandoverServer"/>), writes one <see cref="ReadyByte"/> on
/// its stdout, then calls setsid() and points its stdio at /dev/null. The parent forwards whatever the child printed
/// on stderr (bind alerts), writes the pidfile, and only then signals the <c>-sf</c>/<c>-st</c> PIDs, as 1.4 writes
/// its pidfile before telling them. With <c>-D</c> on the command line the first child is started before the
/// parent reads the configuration (<see cref="StartEarly"/>), so the two runtimes start side by side instead of
/// one after the other. The 2nd..nth <c>nbproc</c> children take the first child's sockets
/// (<see cref="EngineProcess.ShareFromVariable"/>): all of them accept from the same queues, as 1.4's do.
/// </remarks>
internal static class DaemonLauncher
{
    public const string ChildVariable = "HAPROXYNET_DAEMON_CHILD";

    /// <summary>What a child writes on its stdout once bound, just before detaching.</summary>
    public const byte ReadyByte = (byte)'R';

    private static Child? s_early;

    /// <summary>True in the detached copy started by <see cref="Launch"/>.</summary>
    public static bool IsDaemonChild => Environment.GetEnvironmentVariable(ChildVariable) == "1";

    /// <summary>
    /// In the child, before binding: what to do once bound, chrooted and with its final identity: say "ready" to the
    /// parent, then leave the session and the parent's terminal (1.4: setsid + fclose). Prepared early because
    /// /dev/null and /proc may be out of reach after <c>chroot</c>.
    /// </summary>
    public static Action PrepareDetach()
    {
        var stdio = StdioDetach.Prepare();
        return () =>
        {
            ReadOnlySpan<byte> ready = [ReadyByte];
            _ = RuntimeLibc.Write(RuntimeLibc.StdoutFd, ready, 1);
            _ = RuntimeLibc.SetSid();
            stdio?.Apply();
        };
    }

    /// <summary>
    /// Starts the first child at once when the command line alone says daemon mode (<c>-D</c>, no <c>-d</c>/<c>-db</c>,
    /// not <c>-c</c>): it then reads the configuration while this process does the same.
    /// </summary>
    /// <returns>False when this process may run the engine itself (the caller then warms it up).</returns>
    public static bool StartEarly(IReadOnlyList<string> words)
    {
        if (IsDaemonChild)
        {
            return false;
        }

        var parsed = CommandLine.Parse(words);
        var mode = parsed.Options.Mode;
        if (parsed.Outcome != CommandLineOutcome.Run || (mode & ArgMode.Check) != 0)
        {
            return true; // -c, -v, usage: no engine
        }

        if ((mode & ArgMode.Daemon) == 0 || (mode & (ArgMode.Debug | ArgMode.Foreground)) != 0 || !OperatingSystem.IsLinux())
        {
            return false;
        }

        RuntimeLibc.SetCloseOnExecAbove2();
        s_early = Child.Start(null);
        return true;
    }

    /// <summary>Kills a child started early when the parent ends without launching (bad configuration).</summary>
    public static void AbandonEarly()
    {
        if (s_early is { } child)
        {
            s_early = null;
            child.Kill();
        }
    }

    /// <summary>Starts <c>nbproc</c> children, writes the pidfile, tells the old PIDs; returns the parent's exit status.</summary>
    public static int Launch(EngineStartup startup)
    {
        if (OperatingSystem.IsLinux())
        {
            RuntimeLibc.SetCloseOnExecAbove2();
        }

        var first = s_early ?? Child.Start(null);
        s_early = null;
        var status = first.WaitReady();
        if (status != 0)
        {
            return status;
        }

        var children = new List<Child> { first };
        for (var i = 1; i < startup.Modes.NbProc; i++)
        {
            children.Add(Child.Start(first.Pid));
        }

        for (var i = 1; i < children.Count; i++)
        {
            status = children[i].WaitReady();
            if (status != 0)
            {
                KillAll(children);
                return status;
            }
        }

        var pidFile = startup.Options.PidFile ?? startup.Config.Global.PidFile;
        if (pidFile is not null && !WritePidFile(pidFile, children))
        {
            startup.Diagnostics.Alert($"[{startup.Argv0}.main()] Cannot create pidfile {pidFile}\n");
            KillAll(children);
            return 1;
        }

        var signal = OldPids.SignalFor(startup.Options.OldPidsSignal);
        if (signal != 0)
        {
            OldPids.Tell(startup.Options.OldPids, signal);
        }

        return 0;
    }

    /// <summary>unlink then create 0644, one pid per line.</summary>
    private static bool WritePidFile(string path, List<Child> children)
    {
        try
        {
            File.Delete(path);
            var text = new StringBuilder();
            foreach (var child in children)
            {
                text.Append(child.Pid.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            }

            using var stream = new FileStream(path, options);
            stream.Write(Encoding.ASCII.GetBytes(text.ToString()));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void KillAll(List<Child> children)
    {
        foreach (var child in children)
        {
            _ = RuntimeLibc.Kill(child.Pid, RuntimeLibc.SIGTERM);
        }
    }

    /// <summary>One detached copy of this program, its stdout read for the ready byte.</summary>
    private sealed class Child
    {
        private readonly Process _process;

        private Child(Process process)
        {
            _process = process;
            Pid = process.Id;
        }

        public int Pid { get; }

        /// <summary>Starts this program again with the same arguments; <paramref name="shareFrom"/> = the sibling whose sockets to take.</summary>
        public static Child Start(int? shareFrom)
        {
            var info = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var all = Environment.GetCommandLineArgs();
            if (IsDotnetHost(info.FileName))
            {
                info.ArgumentList.Add(all[0]); // dotnet haproxynet.dll ...
            }

            for (var i = 1; i < all.Length; i++)
            {
                info.ArgumentList.Add(all[i]);
            }

            info.Environment[ChildVariable] = "1";
            if (shareFrom is { } pid)
            {
                info.Environment[EngineProcess.ShareFromVariable] = pid.ToString(CultureInfo.InvariantCulture);
            }

            var process = Process.Start(info)!;
            process.StandardInput.Close();
            return new Child(process);
        }

        /// <summary>
        /// Forwards the child's stderr until it ends and reads its ready byte: 0 when it is bound and detached,
        /// else its exit status (at least 1).
        /// </summary>
        public int WaitReady()
        {
            using var stderr = Console.OpenStandardError();
            var copy = _process.StandardError.BaseStream.CopyToAsync(stderr);
            var ready = _process.StandardOutput.BaseStream.ReadByte() == ReadyByte;
            copy.Wait(); // ends when the child detaches or exits
            stderr.Flush();
            if (ready)
            {
                _process.Dispose();
                return 0;
            }

            _process.WaitForExit();
            var code = _process.ExitCode;
            _process.Dispose();
            return code == 0 ? 1 : code;
        }

        public void Kill()
        {
            try
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }

            _process.Dispose();
        }
    }

    private static bool IsDotnetHost(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return name.Equals("dotnet", StringComparison.Ordinal);
    }
}
