using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Stats;

/// <summary>
/// One proxy process (the reference 1.4.25 or haproxynet) run in the foreground (<c>-db</c>) on loopback with a
/// stats socket in its scratch folder: CLI commands over the real unix socket, HTTP requests over TCP. Stopped
/// by its PID (soft stop, then the kill ladder of <see cref="ProxyProcess.Stop"/>).
/// </summary>
internal sealed class StatsProcess : IDisposable
{
    private readonly ProxyProcess _proxy;

    private StatsProcess(ProxyProcess proxy, string dir, string socketPath, IReadOnlyDictionary<string, int> ports)
    {
        _proxy = proxy;
        Directory = dir;
        SocketPath = socketPath;
        Ports = ports;
    }

    /// <summary>The haproxynet command (the built dll next to the tests).</summary>
    public static IReadOnlyList<string> HaproxyNet => ["dotnet", Path.Combine(AppContext.BaseDirectory, "haproxynet.dll")];

    /// <summary>The reference binary's command, or null when it is missing.</summary>
    public static IReadOnlyList<string>? Reference => ReferenceBinary.Path is { } p ? [p] : null;

    public string Directory { get; }

    public string SocketPath { get; }

    public IReadOnlyDictionary<string, int> Ports { get; }

    public int Pid => _proxy.Pid;

    /// <summary>
    /// Starts <paramref name="command"/> on <paramref name="template"/>: <c>{SOCK}</c> becomes the socket path,
    /// <c>{NAME}</c> placeholders from <paramref name="portNames"/> get free ports, <paramref name="fixedPorts"/>
    /// are given as is. Waits until the frontends listen and the socket answers.
    /// </summary>
    public static StatsProcess Start(IReadOnlyList<string> command, string template, IReadOnlyList<string> portNames, IReadOnlyDictionary<string, int> fixedPorts, string tag)
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hnet-stats-" + tag + "-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(dir);
        var sock = System.IO.Path.Combine(dir, "stats.sock");
        var ports = FreePorts.Pick(portNames, [.. fixedPorts.Values]);
        foreach (var (k, v) in fixedPorts)
        {
            ports[k] = v;
        }

        var text = template.Replace("{SOCK}", sock, StringComparison.Ordinal);
        foreach (var (k, v) in ports)
        {
            text = text.Replace("{" + k + "}", v.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var cfg = System.IO.Path.Combine(dir, "haproxy.cfg");
        File.WriteAllText(cfg, text);
        var argv = new List<string>(command) { "-db", "-f", cfg };
        var proxy = ProxyProcess.Start(argv, dir, System.IO.Path.Combine(dir, "stdout.log"), System.IO.Path.Combine(dir, "stderr.log"));
        var p = new StatsProcess(proxy, dir, sock, ports);
        var listen = new List<int>();
        foreach (var n in portNames)
        {
            listen.Add(ports[n]);
        }

        if (!proxy.WaitListening(listen, TimeSpan.FromSeconds(30)))
        {
            var err = File.Exists(System.IO.Path.Combine(dir, "stderr.log")) ? File.ReadAllText(System.IO.Path.Combine(dir, "stderr.log")) : string.Empty;
            p.Dispose();
            throw new InvalidOperationException("proxy did not start: " + string.Join(' ', argv) + "\n" + err);
        }

        var clock = Stopwatch.StartNew();
        while (!File.Exists(sock) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            Thread.Sleep(20);
        }

        return p;
    }

    /// <summary>Sends <paramref name="input"/> on a new connection to the stats socket and reads until it closes.</summary>
    public string Cli(string input, int timeoutMs = 10000)
    {
        using var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        s.Connect(new UnixDomainSocketEndPoint(SocketPath));
        s.ReceiveTimeout = timeoutMs;
        s.Send(Encoding.Latin1.GetBytes(input));
        return ReadAll(s);
    }

    /// <summary>A raw HTTP/1.0 request to the frontend port <paramref name="portName"/>, read until close.</summary>
    public string Http(string portName, string method, string uri, string? body = null, string? extraHeaders = null)
    {
        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Connect(new IPEndPoint(IPAddress.Loopback, Ports[portName]));
        s.ReceiveTimeout = 10000;
        var req = new StringBuilder();
        req.Append(method).Append(' ').Append(uri).Append(" HTTP/1.0\r\nHost: test\r\n");
        if (extraHeaders is not null)
        {
            req.Append(extraHeaders);
        }

        if (body is not null)
        {
            req.Append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ").Append(Encoding.Latin1.GetByteCount(body)).Append("\r\n");
        }

        req.Append("\r\n").Append(body);
        s.Send(Encoding.Latin1.GetBytes(req.ToString()));
        return ReadAll(s);
    }

    /// <summary>Sends <paramref name="request"/> as is to the frontend port <paramref name="portName"/> and reads until close.</summary>
    public string Raw(string portName, byte[] request)
    {
        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Connect(new IPEndPoint(IPAddress.Loopback, Ports[portName]));
        s.ReceiveTimeout = 10000;
        s.Send(request);
        return ReadAll(s);
    }

    private static string ReadAll(Socket s)
    {
        var buf = new byte[65536];
        var all = new MemoryStream();
        while (true)
        {
            int n;
            try
            {
                n = s.Receive(buf);
            }
            catch (SocketException)
            {
                break;
            }

            if (n <= 0)
            {
                break;
            }

            all.Write(buf, 0, n);
        }

        return Encoding.Latin1.GetString(all.ToArray());
    }

    public void Dispose()
    {
        _proxy.Stop(TimeSpan.FromSeconds(2), _ => { });
        _proxy.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// A loopback HTTP server answering every request with a fixed 200 (or what <c>reply</c> gives for the request's
/// text) and closing: the backends of the stats tests.
/// </summary>
internal sealed class TinyHttpServer : IDisposable
{
    private static readonly byte[] Reply = "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n"u8.ToArray();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Thread _thread;
    private readonly Func<string, byte[]>? _reply;
    private volatile bool _stop;

    public TinyHttpServer(Func<string, byte[]>? reply = null)
    {
        _reply = reply;
        _listener.Start(128);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _thread = new Thread(Loop) { IsBackground = true };
        _thread.Start();
    }

    public int Port { get; }

    private void Loop()
    {
        while (!_stop)
        {
            Socket c;
            try
            {
                c = _listener.AcceptSocket();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            ThreadPool.QueueUserWorkItem(_ => Serve(c));
        }
    }

    private void Serve(Socket c)
    {
        using (c)
        {
            try
            {
                c.ReceiveTimeout = 5000;
                var buf = new byte[8192];
                var got = new StringBuilder();
                while (!got.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var n = c.Receive(buf);
                    if (n <= 0)
                    {
                        return; // a health check's connect-and-close
                    }

                    got.Append(Encoding.Latin1.GetString(buf, 0, n));
                }

                c.Send(_reply?.Invoke(got.ToString()) ?? Reply);
                c.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
            }
        }
    }

    public void Dispose()
    {
        _stop = true;
        _listener.Stop();
    }
}
