using System.Globalization;
using System.Text;
using HaproxyNet.IO.Native;

namespace HaproxyNet.IO.Handover;

/// <summary>
/// The unix socket over which a running process hands its listening sockets to its successor: abstract name
/// <c>@haproxynet-&lt;pid&gt;</c>, SOCK_SEQPACKET, descriptors as SCM_RIGHTS.
/// </summary>
/// <remarks>
/// Protocol (version 1): the server accepts, checks the peer runs as the same user or root (SO_PEERCRED), then sends
/// messages of up to <see cref="BatchSize"/> descriptors whose payload names each one, one line per descriptor in
/// order: <c>&lt;address:port&gt; &lt;options&gt;\n</c> (<see cref="ListenerHandover.Key"/>); an empty message
/// ends the list. The client checks the server is the pid it asked for. No request is read: connecting is asking.
/// Abstract names need no file, survive chroot and vanish with the process.
/// </remarks>
public static unsafe class HandoverSocket
{
    /// <summary>Descriptors per message (the kernel's SCM_MAX_FD is 253).</summary>
    public const int BatchSize = 200;

    private const int PayloadMax = 64 * 1024;

    /// <summary>The abstract name of <paramref name="pid"/>'s hand-over socket, without the leading NUL.</summary>
    public static string Name(int pid) => "haproxynet-" + pid.ToString(CultureInfo.InvariantCulture);

    /// <summary>Creates, binds and listens on <paramref name="pid"/>'s abstract socket; -1 with errno when taken.</summary>
    public static int Listen(int pid, out int errno)
    {
        errno = 0;
        var fd = LibC.Socket(Linux.AF_UNIX, LibC.SOCK_SEQPACKET | Linux.SOCK_CLOEXEC, 0);
        if (fd < 0)
        {
            errno = LibC.Errno;
            return -1;
        }

        byte* addr = stackalloc byte[110];
        var length = WriteAbstract(Name(pid), addr);
        if (LibC.Bind(fd, addr, length) != 0 || LibC.Listen(fd, 8) != 0)
        {
            errno = LibC.Errno;
            LibC.Close(fd);
            return -1;
        }

        return fd;
    }

    /// <summary>Wakes a thread blocked in <see cref="Accept"/> (shutdown makes accept fail) and closes the socket.</summary>
    public static void Stop(int listenFd)
    {
        _ = LibC.Shutdown(listenFd, LibC.SHUT_RDWR);
        _ = LibC.Close(listenFd);
    }

    /// <summary>Blocking accept; -1 once the socket is stopped. <paramref name="peerUid"/> from SO_PEERCRED.</summary>
    public static int Accept(int listenFd, out int peerUid)
    {
        peerUid = -1;
        while (true)
        {
            var fd = LibC.Accept4Unix(listenFd, null, null, Linux.SOCK_CLOEXEC);
            if (fd < 0)
            {
                if (LibC.Errno == Linux.EINTR || LibC.Errno == Linux.ECONNABORTED)
                {
                    continue;
                }

                return -1;
            }

            LibC.UCred cred;
            var length = (uint)sizeof(LibC.UCred);
            if (LibC.GetSockOpt(fd, Linux.SOL_SOCKET, LibC.SO_PEERCRED, &cred, &length) == 0)
            {
                peerUid = cred.Uid;
            }

            return fd;
        }
    }

    /// <summary>Whether a peer of <paramref name="uid"/> may take our sockets: same effective user, or root.</summary>
    public static bool MayReceive(int uid) => uid == 0 || uid == LibC.GetEuid();

    /// <summary>Sends <paramref name="listeners"/> then the end mark on an accepted connection, and closes it.</summary>
    public static bool Send(int fd, IReadOnlyList<(int Fd, string Key)> listeners)
    {
        SetTimeout(fd, 2);
        var ok = true;
        for (var start = 0; ok && start < listeners.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, listeners.Count - start);
            var text = new StringBuilder();
            var fds = new int[count];
            for (var i = 0; i < count; i++)
            {
                text.Append(listeners[start + i].Key).Append('\n');
                fds[i] = listeners[start + i].Fd;
            }

            ok = SendMessage(fd, Encoding.ASCII.GetBytes(text.ToString()), fds);
        }

        ok = ok && SendMessage(fd, [], []);
        LibC.Close(fd);
        return ok;
    }

    /// <summary>
    /// Asks <paramref name="pid"/> for its listening sockets. Null when it serves none (not a HaproxyNet process,
    /// stopping, or another user's); otherwise the received close-on-exec descriptors with their keys.
    /// </summary>
    public static List<(int Fd, string Key)>? Receive(int pid, int timeoutSeconds = 2)
    {
        var fd = LibC.Socket(Linux.AF_UNIX, LibC.SOCK_SEQPACKET | Linux.SOCK_CLOEXEC, 0);
        if (fd < 0)
        {
            return null;
        }

        try
        {
            SetTimeout(fd, timeoutSeconds);
            byte* addr = stackalloc byte[110];
            var length = WriteAbstract(Name(pid), addr);
            if (LibC.Connect(fd, addr, length) != 0)
            {
                return null;
            }

            LibC.UCred cred;
            var credLength = (uint)sizeof(LibC.UCred);
            if (LibC.GetSockOpt(fd, Linux.SOL_SOCKET, LibC.SO_PEERCRED, &cred, &credLength) != 0 || cred.Pid != pid)
            {
                return null; // someone else squats the name
            }

            return ReceiveAll(fd);
        }
        finally
        {
            LibC.Close(fd);
        }
    }

    private static List<(int Fd, string Key)>? ReceiveAll(int fd)
    {
        var result = new List<(int, string)>();
        var payload = new byte[PayloadMax];
        var control = new byte[16 + (256 * sizeof(int))];
        while (true)
        {
            var fds = new List<int>();
            nint n;
            int flags;
            fixed (byte* p = payload)
            fixed (byte* c = control)
            {
                var iov = new LibC.IoVec { Base = p, Length = (nuint)payload.Length };
                var msg = new LibC.MsgHdr { Iov = &iov, IovLength = 1, Control = c, ControlLength = (nuint)control.Length };
                n = LibC.RecvMsg(fd, &msg, LibC.MSG_CMSG_CLOEXEC);
                flags = msg.Flags;
                if (n >= 0)
                {
                    ReadRights(c, (int)msg.ControlLength, fds);
                }
            }

            if (n < 0 || (flags & LibC.MSG_CTRUNC) != 0)
            {
                CloseAll(fds);
                CloseAll(result);
                return null;
            }

            if (n == 0 && fds.Count == 0)
            {
                return result; // the end mark (an empty datagram), or the server went away after a full list
            }

            var lines = Encoding.ASCII.GetString(payload, 0, (int)n).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (lines.Length != fds.Count)
            {
                CloseAll(fds);
                CloseAll(result);
                return null;
            }

            for (var i = 0; i < lines.Length; i++)
            {
                result.Add((fds[i], lines[i]));
            }
        }
    }

    private static bool SendMessage(int fd, byte[] payload, int[] fds)
    {
        var controlLength = fds.Length == 0 ? 0 : 16 + Align8(fds.Length * sizeof(int));
        var control = new byte[Math.Max(controlLength, 1)];
        fixed (byte* p = payload)
        fixed (byte* c = control)
        {
            byte dummy = 0;
            var iov = new LibC.IoVec { Base = payload.Length == 0 ? &dummy : p, Length = (nuint)payload.Length };
            var msg = new LibC.MsgHdr { Iov = &iov, IovLength = 1 };
            if (fds.Length > 0)
            {
                *(nuint*)c = (nuint)(16 + (fds.Length * sizeof(int))); // cmsg_len = CMSG_LEN(n * sizeof(int))
                *(int*)(c + 8) = Linux.SOL_SOCKET;
                *(int*)(c + 12) = LibC.SCM_RIGHTS;
                for (var i = 0; i < fds.Length; i++)
                {
                    *(int*)(c + 16 + (i * sizeof(int))) = fds[i];
                }

                msg.Control = c;
                msg.ControlLength = (nuint)controlLength;
            }

            return LibC.SendMsg(fd, &msg, Linux.MSG_NOSIGNAL) == payload.Length;
        }
    }

    /// <summary>Walks the control messages (CMSG_FIRSTHDR/CMSG_NXTHDR) and collects SCM_RIGHTS descriptors.</summary>
    private static void ReadRights(byte* control, int length, List<int> fds)
    {
        var offset = 0;
        while (offset + 16 <= length)
        {
            var cmsgLength = (int)*(nuint*)(control + offset);
            if (cmsgLength < 16 || offset + cmsgLength > length)
            {
                return;
            }

            if (*(int*)(control + offset + 8) == Linux.SOL_SOCKET && *(int*)(control + offset + 12) == LibC.SCM_RIGHTS)
            {
                var count = (cmsgLength - 16) / sizeof(int);
                for (var i = 0; i < count; i++)
                {
                    fds.Add(*(int*)(control + offset + 16 + (i * sizeof(int))));
                }
            }

            offset += 16 + Align8(cmsgLength - 16);
        }
    }

    private static int Align8(int n) => (n + 7) & ~7;

    /// <summary>sockaddr_un with an abstract name: family, NUL, name; the length counts only the used bytes.</summary>
    private static uint WriteAbstract(string name, byte* addr)
    {
        *(ushort*)addr = Linux.AF_UNIX;
        addr[2] = 0;
        for (var i = 0; i < name.Length; i++)
        {
            addr[3 + i] = (byte)name[i];
        }

        return (uint)(3 + name.Length);
    }

    private static void SetTimeout(int fd, int seconds)
    {
        var tv = stackalloc long[2] { seconds, 0 };
        _ = LibC.SetSockOpt(fd, Linux.SOL_SOCKET, LibC.SO_RCVTIMEO, tv, 16);
        _ = LibC.SetSockOpt(fd, Linux.SOL_SOCKET, LibC.SO_SNDTIMEO, tv, 16);
    }

    /// <summary>close(2).</summary>
    public static void Close(int fd) => LibC.Close(fd);

    /// <summary>Closes every descriptor of <paramref name="list"/>.</summary>
    public static void CloseAll(List<(int Fd, string Key)> list)
    {
        foreach (var (fd, _) in list)
        {
            LibC.Close(fd);
        }
    }

    private static void CloseAll(List<int> fds)
    {
        foreach (var fd in fds)
        {
            LibC.Close(fd);
        }
    }
}
