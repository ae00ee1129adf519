using System.Runtime.InteropServices;

namespace HaproxyNet.IO.Native;

/// <summary>File ownership for the stats socket (<c>stats socket ... uid/gid/user/group</c>).</summary>
internal static partial class LibC
{
    [LibraryImport(Lib, EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Chown(string path, int uid, int gid);
}
