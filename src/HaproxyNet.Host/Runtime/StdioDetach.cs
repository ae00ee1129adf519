using System.Globalization;

namespace HaproxyNet.Host.Runtime;

/// <summary>Points stdin, stdout and stderr at /dev/null: 1.4 closes them in quiet and daemon mode.</summary>
/// <remarks>
/// /dev/null rather than a bare close so later sockets never take fds 0-2 and writes never fail. The runtime
/// keeps its own duplicates of the three descriptors (CoreCLR's PAL dups them at start-up); they are pointed
/// at /dev/null too, otherwise whoever reads our stdout/stderr (the -D parent) never sees them end.
/// Prepared and applied in two steps because a daemon child detaches after <c>chroot</c>, where neither
/// /dev/null nor /proc can be opened any more.
/// </remarks>
internal sealed class StdioDetach
{
    private readonly int _nullFd;
    private readonly List<int> _targets;

    private StdioDetach(int nullFd, List<int> targets)
    {
        _nullFd = nullFd;
        _targets = targets;
    }

    /// <summary>Opens /dev/null and finds the runtime's duplicates of fds 0-2; null when /dev/null is missing.</summary>
    public static StdioDetach? Prepare()
    {
        var fd = RuntimeLibc.Open(RuntimeLibc.CString("/dev/null"), RuntimeLibc.O_RDWR);
        if (fd < 0)
        {
            return null;
        }

        var targets = new List<int> { 0, 1, 2 };
        var originals = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i <= 2; i++)
        {
            if (LinkTarget(i) is { } target && target != "/dev/null")
            {
                originals.Add(target);
            }
        }

        if (originals.Count > 0)
        {
            foreach (var other in RuntimeLibc.OpenDescriptors())
            {
                if (other > 2 && other != fd && LinkTarget(other) is { } target && originals.Contains(target))
                {
                    targets.Add(other);
                }
            }
        }

        return new StdioDetach(fd, targets);
    }

    /// <summary>dup2's /dev/null over every prepared descriptor, then closes the spare.</summary>
    public void Apply()
    {
        foreach (var target in _targets)
        {
            _ = RuntimeLibc.Dup2(_nullFd, target);
        }

        if (_nullFd > 2)
        {
            _ = RuntimeLibc.Close(_nullFd);
        }
    }

    private static string? LinkTarget(int fd)
    {
        try
        {
            return new FileInfo("/proc/self/fd/" + fd.ToString(CultureInfo.InvariantCulture)).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
