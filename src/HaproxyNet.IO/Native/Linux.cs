namespace HaproxyNet.IO.Native;

/// <summary>Linux constants (generic ABI: identical on x86-64 and arm64).</summary>
internal static class Linux
{
    internal const int AF_UNIX = 1;
    internal const int AF_INET = 2;
    internal const int AF_INET6 = 10;

    internal const int SOCK_STREAM = 1;
    internal const int SOCK_DGRAM = 2;
    internal const int SOCK_NONBLOCK = 0x800;
    internal const int SOCK_CLOEXEC = 0x80000;

    internal const int IPPROTO_TCP = 6;
    internal const int SOL_SOCKET = 1;
    internal const int SO_REUSEADDR = 2;
    internal const int SO_ERROR = 4;
    internal const int SO_LINGER = 13;
    internal const int SO_REUSEPORT = 15;
    internal const int TCP_NODELAY = 1;
    internal const int TCP_MAXSEG = 2;
    internal const int TCP_DEFER_ACCEPT = 9;
    internal const int SO_SNDBUF = 7;
    internal const int SO_RCVBUF = 8;
    internal const int SO_KEEPALIVE = 9;
    internal const int SO_BINDTODEVICE = 25;
    internal const int SOL_IP = 0;
    internal const int SOL_IPV6 = 41;
    internal const int IP_FREEBIND = 15;
    internal const int IP_TRANSPARENT = 19;
    internal const int IPV6_TRANSPARENT = 75;

    /// <summary>netfilter's getsockopt(SOL_IP) for the pre-NAT destination (linux/netfilter_ipv4.h).</summary>
    internal const int SO_ORIGINAL_DST = 80;

    internal const int MSG_DONTWAIT = 0x40;
    internal const int MSG_NOSIGNAL = 0x4000;
    internal const int SHUT_RD = 0;
    internal const int SHUT_WR = 1;

    internal const int EPOLL_CLOEXEC = 0x80000;
    internal const int EPOLL_CTL_ADD = 1;
    internal const int EPOLL_CTL_DEL = 2;
    internal const int EPOLL_CTL_MOD = 3;
    internal const int O_NONBLOCK = 0x800;
    internal const int O_CLOEXEC = 0x80000;
    internal const int F_SETPIPE_SZ = 1031;
    internal const int F_GETPIPE_SZ = 1032;
    internal const uint SPLICE_F_MOVE = 1;
    internal const uint SPLICE_F_NONBLOCK = 2;
    internal const int ENOSYS = 38;
    internal const int EINVAL = 22;
    internal const uint EPOLLIN = 0x1;
    internal const uint EPOLLOUT = 0x4;
    internal const uint EPOLLERR = 0x8;
    internal const uint EPOLLHUP = 0x10;
    internal const uint EPOLLRDHUP = 0x2000;
    internal const uint EPOLLET = 0x80000000;

    internal const int EFD_NONBLOCK = 0x800;
    internal const int EFD_CLOEXEC = 0x80000;

    internal const int EINTR = 4;
    internal const int EBADF = 9;
    internal const int EAGAIN = 11;
    internal const int ENOMEM = 12;
    internal const int ENFILE = 23;
    internal const int EMFILE = 24;
    internal const int EADDRINUSE = 98;
    internal const int EADDRNOTAVAIL = 99;
    internal const int ECONNABORTED = 103;
    internal const int ENOBUFS = 105;
    internal const int EISCONN = 106;
    internal const int ENOTCONN = 107;
    internal const int ETIMEDOUT = 110;
    internal const int ECONNREFUSED = 111;
    internal const int EALREADY = 114;
    internal const int EINPROGRESS = 115;
}
