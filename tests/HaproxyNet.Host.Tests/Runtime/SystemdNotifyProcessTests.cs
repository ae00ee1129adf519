using System.Net.Sockets;
using System.Text;

namespace HaproxyNet.Host.Tests.Runtime;

/// <summary><c>Type=notify</c>: the process that runs the engine sends <c>MAINPID</c> and <c>READY=1</c> once bound.</summary>
public sealed class SystemdNotifyProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hnet-notify-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Socket Listen(string name)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(name));
        socket.ReceiveTimeout = (int)RunningProxy.Bounded.TotalMilliseconds;
        return socket;
    }

    private static string Receive(Socket socket)
    {
        var buffer = new byte[256];
        var n = socket.Receive(buffer);
        return Encoding.ASCII.GetString(buffer, 0, n);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_NotifySocketSet_MainPidAndReadyOnceListening(bool abstractName)
    {
        var path = Path.Combine(_dir, "notify");
        var name = abstractName ? "\0hnet-notify-" + Guid.NewGuid().ToString("N") : path;
        using var socket = Listen(name);
        var fe = RunningProxy.FreePort();
        var env = new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = abstractName ? "@" + name[1..] : path };

        using var proxy = RunningProxy.StartWith(env, RunningProxy.TcpListen, fe, "-db");
        var message = Receive(socket);

        Assert.Equal($"MAINPID={proxy.Pid}\nREADY=1\n", message);
        using var client = new TcpClient();
        client.Connect("127.0.0.1", fe); // bound before READY
        proxy.Signal(Signals.SigUsr1);
        Assert.Equal(0, proxy.WaitExit());
    }

    [Fact]
    public void Run_ReloadWithSf_NewProcessNamesItselfMainPidAndOldOneFinishes()
    {
        var path = Path.Combine(_dir, "notify");
        using var socket = Listen(path);
        var fe = RunningProxy.FreePort();
        var env = new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = path };
        using var old = RunningProxy.StartWith(env, RunningProxy.TcpListen, fe, "-db");
        Assert.Equal($"MAINPID={old.Pid}\nREADY=1\n", Receive(socket));

        using var fresh = RunningProxy.StartWith(env, RunningProxy.TcpListen, fe, "-db", "-sf", old.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal($"MAINPID={fresh.Pid}\nREADY=1\n", Receive(socket));
        Assert.Equal(0, old.WaitExit());
        Assert.True(fresh.WaitListening(fe));
        fresh.Signal(Signals.SigUsr1);
        Assert.Equal(0, fresh.WaitExit());
    }

    [Fact]
    public void Run_NoNotifySocket_RunsAsBefore()
    {
        var fe = RunningProxy.FreePort();
        var env = new Dictionary<string, string?> { ["NOTIFY_SOCKET"] = null };
        using var proxy = RunningProxy.StartWith(env, RunningProxy.TcpListen, fe, "-db");

        Assert.True(proxy.WaitListening(fe));
        proxy.Signal(Signals.SigUsr1);
        Assert.Equal(0, proxy.WaitExit());
    }
}
