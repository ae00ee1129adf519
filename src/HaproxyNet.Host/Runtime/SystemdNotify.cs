using System.Net.Sockets;
using System.Text;

namespace HaproxyNet.Host.Runtime;

/// <summary>
/// systemd's readiness protocol (<c>sd_notify</c>, <c>Type=notify</c>): one datagram <c>MAINPID=pid\nREADY=1\n</c>
/// to the Unix socket named by <c>NOTIFY_SOCKET</c>, once every listener is bound.
/// </summary>
/// <remarks>
/// Beyond 1.4, for <c>packaging/haproxynet.service</c>. The process that runs the engine sends it (the <c>-D</c>
/// child, not its parent) before it tells the <c>-sf</c> PIDs to finish: a reload (<c>haproxynet -D ... -sf
/// $MAINPID</c>, with <c>NotifyAccess=all</c>) so hands the service's main PID to the new process before the old
/// one can exit. The socket is connected before <c>chroot</c>, which would hide its path. Without
/// <c>NOTIFY_SOCKET</c> nothing happens. Microsoft.Extensions.Hosting.Systemd is not used: its lifetime would
/// replace the host's (SIGTERM must end the process at once, as in 1.4) and it signals readiness when the host
/// starts, not when the listeners are bound.
/// </remarks>
internal sealed class SystemdNotify : IDisposable
{
    public const string SocketVariable = "NOTIFY_SOCKET";

    private readonly Socket _socket;

    private SystemdNotify(Socket socket) => _socket = socket;

    /// <summary>Connects to <paramref name="path"/> (a file path, or <c>@name</c> for an abstract socket); null when unset or unreachable.</summary>
    public static SystemdNotify? Connect(string? path)
    {
        if (string.IsNullOrEmpty(path) || (path[0] != '/' && path[0] != '@'))
        {
            return null;
        }

        var name = path[0] == '@' ? "\0" + path[1..] : path;
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(name));
            return new SystemdNotify(socket);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    /// <summary>From the environment of this process.</summary>
    public static SystemdNotify? FromEnvironment() => Connect(Environment.GetEnvironmentVariable(SocketVariable));

    /// <summary>Tells systemd that <paramref name="pid"/> is the service's main process and is ready.</summary>
    public void Ready(int pid) => Send("MAINPID=" + pid.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\nREADY=1\n");

    public void Dispose() => _socket.Dispose();

    private void Send(string message)
    {
        try
        {
            _socket.Send(Encoding.ASCII.GetBytes(message));
        }
        catch (SocketException)
        {
            // systemd gone or the socket full: readiness is advisory, the proxy runs on.
        }
    }
}
