using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Native;

namespace HaproxyNet.IO;

/// <summary>Maps the errno of a failed non-blocking connect() to 1.4's SN_ERR_* outcome.</summary>
/// <remarks>
/// <c>tcpv4_connect_server</c>: EINPROGRESS/EALREADY/EISCONN are success, EAGAIN/EADDRINUSE/EADDRNOTAVAIL are
/// a local resource shortage, anything else is the server's failure. ETIMEDOUT (SN_ERR_SRVTO in 1.4) has no
/// port status of its own and is reported as <see cref="ConnectStatus.Refused"/> with its errno.
/// </remarks>
public static class ConnectErrors
{
    public static ConnectStatus Classify(int errno) => errno switch
    {
        Linux.EINPROGRESS or Linux.EALREADY or Linux.EISCONN => ConnectStatus.InProgress,
        Linux.EAGAIN or Linux.EADDRINUSE or Linux.EADDRNOTAVAIL => ConnectStatus.Resource,
        _ => ConnectStatus.Refused,
    };

    /// <summary>errno values of socket() that 1.4 reports as a resource shortage (with an emergency log).</summary>
    public static bool IsResourceShortage(int errno) =>
        errno is Linux.ENFILE or Linux.EMFILE or Linux.ENOBUFS or Linux.ENOMEM;
}
