using System.Runtime.InteropServices;

namespace HaproxyNet.IO.Native;

/// <summary>Unix-domain socket calls for the listener hand-over (sendmsg/recvmsg with SCM_RIGHTS).</summary>
internal static unsafe partial class LibC
{
    internal const int SOCK_SEQPACKET = 5;
    internal const int SO_PEERCRED = 17;
    internal const int SO_RCVTIMEO = 20;
    internal const int SO_SNDTIMEO = 21;
    internal const int SO_ACCEPTCONN = 30;
    internal const int SCM_RIGHTS = 1;
    internal const int MSG_CTRUNC = 0x8;
    internal const int MSG_CMSG_CLOEXEC = 0x40000000;
    internal const int F_DUPFD_CLOEXEC = 1030;
    internal const int SHUT_RDWR = 2;

    /// <summary>struct msghdr (LP64 layout; sequential layout adds the padding after <c>msg_namelen</c>).</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    internal struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    /// <summary>struct ucred of SO_PEERCRED.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal struct UCred
    {
        public int Pid;
        public int Uid;
        public int Gid;
    }

    [LibraryImport(Lib, EntryPoint = "sendmsg", SetLastError = true)]
    internal static partial nint SendMsg(int fd, MsgHdr* message, int flags);

    [LibraryImport(Lib, EntryPoint = "recvmsg", SetLastError = true)]
    internal static partial nint RecvMsg(int fd, MsgHdr* message, int flags);

    [LibraryImport(Lib, EntryPoint = "accept4", SetLastError = true)]
    internal static partial int Accept4Unix(int fd, void* address, void* length, int flags);

    [LibraryImport(Lib, EntryPoint = "geteuid")]
    internal static partial int GetEuid();
}
