using System.Net;
using System.Runtime.InteropServices;
using HaproxyNet.Config.Environment;

namespace HaproxyNet.Host.Platform;

/// <summary>The real host: libc user/group databases, files, and gethostbyname.</summary>
/// <remarks>
/// 1.4 calls <c>getpwnam</c>/<c>getgrnam</c> for <c>user</c>/<c>group</c>, <c>fopen</c>/<c>open</c> for
/// configuration, error and pattern files, and <c>gethostbyname</c> in <c>str2sa</c>, keeping the first
/// address. Paths and names are byte strings (see <see cref="ByteString"/>); error texts come from
/// <c>strerror</c>.
/// </remarks>
public sealed class SystemConfigEnvironment : IConfigEnvironment
{
    // Offset of pw_uid / gr_gid: after two pointers in both struct passwd and struct group.
    private static readonly int IdOffset = 2 * IntPtr.Size;

    public bool TryGetUserId(string name, out int uid)
    {
        var entry = Libc.GetPwNam(ByteString.ToCString(name));
        uid = entry == 0 ? 0 : Marshal.ReadInt32(entry, IdOffset);
        return entry != 0;
    }

    public bool TryGetGroupId(string name, out int gid)
    {
        var entry = Libc.GetGrNam(ByteString.ToCString(name));
        gid = entry == 0 ? 0 : Marshal.ReadInt32(entry, IdOffset);
        return entry != 0;
    }

    public bool TryReadFile(string path, out byte[] content, out string error)
    {
        using var stream = OpenRead(path, out error);
        if (stream is null)
        {
            content = [];
            return false;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        content = copy.ToArray();
        return true;
    }

    public Stream? OpenConfigFile(string path, out string error) => OpenRead(path, out error);

    public bool TryResolveHost(string name, out IPAddress address)
    {
        address = IPAddress.None;
        var hostent = Libc.GetHostByName(ByteString.ToCString(name));
        if (hostent == 0)
        {
            return false;
        }

        // struct hostent { char *h_name; char **h_aliases; int h_addrtype; int h_length; char **h_addr_list; }
        var addrType = Marshal.ReadInt32(hostent, 2 * IntPtr.Size);
        var length = Marshal.ReadInt32(hostent, (2 * IntPtr.Size) + 4);
        var list = Marshal.ReadIntPtr(hostent, (2 * IntPtr.Size) + 8);
        if (addrType != Libc.AF_INET || length != 4 || list == 0)
        {
            return false;
        }

        var first = Marshal.ReadIntPtr(list);
        if (first == 0)
        {
            return false;
        }

        var bytes = new byte[4];
        Marshal.Copy(first, bytes, 0, 4);
        address = new IPAddress(bytes);
        return true;
    }

    private static FdReadStream? OpenRead(string path, out string error)
    {
        var fd = Libc.Open(ByteString.ToCString(path), Libc.O_RDONLY);
        if (fd < 0)
        {
            error = Libc.StrError(Marshal.GetLastPInvokeError());
            return null;
        }

        error = string.Empty;
        return new FdReadStream(fd);
    }
}
