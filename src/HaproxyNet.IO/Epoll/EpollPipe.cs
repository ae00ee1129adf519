using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Native;

namespace HaproxyNet.IO.Epoll;

/// <summary>A non-blocking kernel pipe used to splice between two sockets (1.4's <c>struct pipe</c>).</summary>
internal sealed unsafe class EpollPipe : IPipe
{
    /// <summary>The kernel's default capacity (16 pages).</summary>
    internal const int DefaultCapacity = 65536;

    private EpollPipe(int readFd, int writeFd, int capacity)
    {
        ReadFd = readFd;
        WriteFd = writeFd;
        Capacity = capacity;
    }

    /// <inheritdoc />
    public int Data { get; internal set; }

    /// <inheritdoc />
    public int Capacity { get; }

    internal int ReadFd { get; private set; }

    internal int WriteFd { get; private set; }

    /// <summary>pipe2(O_NONBLOCK|O_CLOEXEC), then F_SETPIPE_SZ when <paramref name="size"/> is set; null on failure.</summary>
    internal static EpollPipe? Create(int size)
    {
        var fds = stackalloc int[2];
        if (LibC.Pipe2(fds, Linux.O_NONBLOCK | Linux.O_CLOEXEC) != 0)
        {
            return null; // EMFILE/ENFILE: the caller copies instead
        }

        var capacity = DefaultCapacity;
        if (size > 0)
        {
            // The kernel rounds up to a power of two of pages and answers the size it kept; a refusal (above
            // /proc/sys/fs/pipe-max-size without CAP_SYS_RESOURCE) keeps the default, as 1.4 ignores it too.
            var kept = LibC.Fcntl(fds[1], Linux.F_SETPIPE_SZ, size);
            if (kept > 0)
            {
                capacity = kept;
            }
        }

        return new EpollPipe(fds[0], fds[1], capacity);
    }

    internal void Close()
    {
        if (ReadFd >= 0)
        {
            LibC.Close(ReadFd);
            LibC.Close(WriteFd);
            ReadFd = WriteFd = -1;
            Data = 0;
        }
    }
}
