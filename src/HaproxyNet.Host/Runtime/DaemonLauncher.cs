using System.Diagnostics;
using System.Globalization;
using System.Text;
using HaproxyNet.Host.Engine;

namespace HaproxyNet.Host.Runtime;

/// <summary>
/// <c>-D</c> without <c>fork()</c>: the parent starts detached copies of itself and exits 0 once they are bound.
/// </summary>
/// <remarks>
/// 1.4's daemon step of <c>main()</c> (CLI.md §3 steps 8 and 11): bind, create the pidfile, fork <c>nbproc</c>
/// children, write one <c>&lt;pid&gt;\n</c> per child, exit 0. A .NET process cannot fork, so each child is this
/// program again with the same arguments and <see cref="ChildVariable"/>=1. It binds, then closes its stdio and
/// calls setsid(); the parent takes the end of the child's stderr as "bound" (or "failed" when the child
/// exited), forwards whatever the child printed (bind alerts) and only then writes the pidfile.
/// </remarks>
internal static class DaemonLauncher
{
    public const string ChildVariable = "HAPROXYNET_DAEMON_CHILD";

    /// <summary>True in the detached copy started by <see cref="Launch"/>.</summary>
    public static bool IsDaemonChild => Environment.GetEnvironmentVariable(ChildVariable) == "1";

    /// <summary>
    /// In the child, before binding: what to do once bound, chrooted and with its final identity: leave the session
    /// and the parent's terminal (1.4: setsid + fclose). Prepared early because /dev/null and /proc may be out of
    /// reach after <c>chroot</c>.
    /// </summary>
    public static Action PrepareDetach()
    {
        var stdio = StdioDetach.Prepare();
        return () =>
        {
            _ = RuntimeLibc.SetSid();
            stdio?.Apply();
        };
    }

    /// <summary>Starts <c>nbproc</c> children and returns the parent's exit status.</summary>
    public static int Launch(EngineStartup startup)
    {
        if (OperatingSystem.IsLinux())
        {
            RuntimeLibc.SetCloseOnExecAbove2();
        }

        var pids = new List<int>();
        for (var i = 0; i < startup.Modes.NbProc; i++)
        {
            var status = StartChild(out var pid);
            if (status != 0)
            {
                KillAll(pids);
                return status;
            }

            pids.Add(pid);
        }

        var pidFile = startup.Options.PidFile ?? startup.Config.Global.PidFile;
        if (pidFile is not null && !WritePidFile(pidFile, pids))
        {
            startup.Diagnostics.Alert($"[{startup.Argv0}.main()] Cannot create pidfile {pidFile}\n");
            KillAll(pids);
            return 1;
        }

        return 0;
    }

    private static int StartChild(out int pid)
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
        using var child = Process.Start(info)!;
        pid = child.Id;
        child.StandardInput.Close();
        _ = child.StandardOutput.BaseStream.CopyToAsync(Stream.Null);

        // The child's stderr ends when it detaches (bound) or exits (failed).
        using var stderr = Console.OpenStandardError();
        child.StandardError.BaseStream.CopyTo(stderr);
        stderr.Flush();
        if (child.WaitForExit(100))
        {
            return child.ExitCode == 0 ? 1 : child.ExitCode;
        }

        return 0;
    }

    private static bool IsDotnetHost(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        return name.Equals("dotnet", StringComparison.Ordinal);
    }

    /// <summary>unlink then create 0644, one pid per line.</summary>
    private static bool WritePidFile(string path, List<int> pids)
    {
        try
        {
            File.Delete(path);
            var text = new StringBuilder();
            foreach (var pid in pids)
            {
                text.Append(pid.ToString(CultureInfo.InvariantCulture)).Append('\n');
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

    private static void KillAll(List<int> pids)
    {
        foreach (var pid in pids)
        {
            _ = RuntimeLibc.Kill(pid, RuntimeLibc.SIGTERM);
        }
    }
}
