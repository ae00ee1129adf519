using HaproxyNet.Core.Ports;
using HaproxyNet.IO.Epoll;
using HaproxyNet.IO.Portable;

namespace HaproxyNet.IO;

/// <summary>Picks the transport at run time: epoll on Linux, the portable select() transport elsewhere.</summary>
/// <remarks>1.4 picks the preferred usable poller the same way (<c>init_pollers</c>); <c>-de</c> maps to
/// the <c>disableEpoll</c> argument.</remarks>
public static class NetworkFactory
{
    public static INetwork Create(bool disableEpoll = false) =>
        !disableEpoll && OperatingSystem.IsLinux() ? new EpollNetwork() : new SelectNetwork();
}
