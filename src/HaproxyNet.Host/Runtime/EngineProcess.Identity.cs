#if !NATIVE_AOT
using System.Reflection;
#endif

namespace HaproxyNet.Host.Runtime;

/// <summary><c>chroot</c>, then <c>gid</c>/<c>uid</c>: the privilege drop of 1.4's <c>main()</c> (CLI.md §3 step 9).</summary>
internal sealed partial class EngineProcess
{
    /// <summary>
    /// chroot(dir) and chdir("/") when the global section has <c>chroot</c>; on failure the alert, SIGTTIN to the
    /// old PIDs (they resume listening) and exit 1, as 1.4 does.
    /// </summary>
    /// <remarks>
    /// What the runtime would otherwise read lazily from the old root is loaded first: the local time zone (the
    /// log dates) and every assembly the process references.
    /// </remarks>
    private bool ChangeRoot()
    {
        var dir = _startup.Config.Global.Chroot;
        if (dir is null)
        {
            return true;
        }

        _ = TimeZoneInfo.Local;
#if !NATIVE_AOT
        LoadBeforeChroot(); // the native binary holds all its code: nothing to read from the old root
#endif

        if (RuntimeLibc.Chroot(RuntimeLibc.CString(dir)) == 0 && RuntimeLibc.Chdir(RuntimeLibc.CString("/")) == 0)
        {
            return true;
        }

        AlertIfShown($"[{_startup.Argv0}.main()] Cannot chroot({dir}).\n");
        if (_startup.Options.OldPids.Count > 0)
        {
            OldPids.Tell(_startup.Options.OldPids, RuntimeLibc.SIGTTIN);
        }

        return false;
    }

    /// <summary>
    /// setgroups(0)/setgid then setuid when <c>gid</c>/<c>group</c> and <c>uid</c>/<c>user</c> are set (0 = keep).
    /// Failing to drop the supplementary groups only warns; the rest exits 1 (the old PIDs were already told).
    /// </summary>
    private bool SetIdentity()
    {
        var g = _startup.Config.Global;
        if (g.Gid != 0)
        {
            if (RuntimeLibc.GetGroups(0, 0) > 0 && RuntimeLibc.SetGroups(0, 0) == -1)
            {
                WarnIfShown($"[{_startup.Argv0}.main()] Failed to drop supplementary groups. Using 'gid'/'group' without 'uid'/'user' is generally useless.\n");
            }

            if (RuntimeLibc.SetGid(g.Gid) == -1)
            {
                AlertIfShown($"[{_startup.Argv0}.main()] Cannot set gid {g.Gid}.\n");
                return false;
            }
        }

        if (g.Uid != 0 && RuntimeLibc.SetUid(g.Uid) == -1)
        {
            AlertIfShown($"[{_startup.Argv0}.main()] Cannot set uid {g.Uid}.\n");
            return false;
        }

        return true;
    }

    /// <summary>Past MODE_STARTING, 1.4's Alert()/Warning() print only when not quiet (or verbose).</summary>
    private void AlertIfShown(string text)
    {
        if (_startup.Modes.ShowsMessages)
        {
            _printer.Alert(text);
        }
    }

    private void WarnIfShown(string text)
    {
        if (_startup.Modes.ShowsMessages)
        {
            _printer.Warning(text);
        }
    }

#if !NATIVE_AOT
    private static void LoadBeforeChroot()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>();
        pending.Push(typeof(EngineProcess).Assembly);
        while (pending.Count > 0)
        {
            foreach (var name in pending.Pop().GetReferencedAssemblies())
            {
                if (name.FullName is { } full && seen.Add(full))
                {
                    try
                    {
                        pending.Push(Assembly.Load(name));
                    }
                    catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
                    {
                        // A reference the runtime never resolves here (e.g. a facade for another platform).
                    }
                }
            }
        }
    }
#endif
}
