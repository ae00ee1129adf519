using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using HaproxyNet.Config;
using HaproxyNet.Config.Environment;
using HaproxyNet.Host.Platform;

namespace HaproxyNet.Demo;

/// <summary>
/// Runs haproxynet on a sample config with everything it needs on loopback: echo servers at the config's server
/// addresses, a syslog printer at its log target, a few clients, then a soft stop (SIGUSR1) so the stop lines show.
/// </summary>
public static class Program
{
    private const int Clients = 6;

    public static int Main(string[] args)
    {
        var configPath = Path.GetFullPath(args.Length > 0 ? args[0] : FindSample("tcp-demo.cfg"));
        Console.WriteLine($"HaproxyNet demo on {configPath}");
        var load = ConfigLoader.Load([configPath], new ConfigLoadOptions(), new SystemConfigEnvironment(), new ConsoleSink());
        if (load.Document is null)
        {
            Console.Error.WriteLine("the sample config was rejected");
            return 1;
        }

        var plan = DemoPlan.From(load.Document);
        if (plan.Frontends.Count == 0)
        {
            Console.Error.WriteLine("the sample has no frontend to send traffic to");
            return 1;
        }

        var backends = new List<EchoBackend>();
        var printers = new List<SyslogPrinter>();
        Process? proxy = null;
        try
        {
            foreach (var ep in plan.Servers)
            {
                var backend = new EchoBackend(ep);
                backend.Start();
                backends.Add(backend);
                Console.WriteLine($"  demo echo server on {ep}");
            }

            foreach (var ep in plan.SyslogPorts)
            {
                var printer = new SyslogPrinter(ep);
                printer.Start();
                printers.Add(printer);
                Console.WriteLine($"  syslog receiver on udp {ep}");
            }

            proxy = StartProxy(configPath);
            Console.WriteLine($"  haproxynet started, pid {proxy.Id}");
            RunClients(plan.Frontends[0], proxy);
            Thread.Sleep(500);
            Console.WriteLine($"  sending SIGUSR1 (soft stop) to pid {proxy.Id}");
            ProcessSignals.Send(proxy.Id, ProcessSignals.SigUsr1);
            if (!proxy.WaitForExit(5000))
            {
                Console.WriteLine("  still running after 5 s: killing it");
            }

            Thread.Sleep(200);
            var received = 0;
            foreach (var printer in printers)
            {
                received += printer.Received;
            }

            Console.WriteLine($"done: {Clients} client sessions, {received} syslog lines received");
            return 0;
        }
        finally
        {
            if (proxy is { HasExited: false })
            {
                proxy.Kill();
                proxy.WaitForExit(2000);
            }

            proxy?.Dispose();
            foreach (var printer in printers)
            {
                printer.Dispose();
            }

            foreach (var backend in backends)
            {
                backend.Dispose();
            }
        }
    }

    private static Process StartProxy(string configPath)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "haproxynet.dll");
        // Under 'dotnet run' ProcessPath is the demo's own apphost, which would start the demo again.
        var host = System.Environment.ProcessPath;
        var info = new ProcessStartInfo(host is not null && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet")
        {
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("-db");
        info.ArgumentList.Add("-f");
        info.ArgumentList.Add(configPath);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start " + dll);
    }

    private static void RunClients(System.Net.IPEndPoint frontend, Process proxy)
    {
        for (var i = 1; i <= Clients; i++)
        {
            var message = $"hello {i} from the demo client\n";
            using var client = ConnectWithRetry(frontend, proxy);
            var data = Encoding.ASCII.GetBytes(message);
            client.Send(data);
            var buffer = new byte[data.Length];
            var got = 0;
            client.ReceiveTimeout = 5000;
            while (got < buffer.Length)
            {
                var n = client.Receive(buffer, got, buffer.Length - got, SocketFlags.None);
                if (n == 0)
                {
                    break;
                }

                got += n;
            }

            client.Shutdown(SocketShutdown.Send);
            Console.WriteLine($"  client {i}: sent {data.Length} bytes, echoed back {got}");
            Thread.Sleep(150);
        }
    }

    private static Socket ConnectWithRetry(System.Net.IPEndPoint frontend, Process proxy)
    {
        // The proxy needs a moment to bind; retry for up to 15 s while it is alive.
        for (var attempt = 0; ; attempt++)
        {
            var socket = new Socket(frontend.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Connect(frontend);
                return socket;
            }
            catch (SocketException) when (attempt < 150 && !proxy.HasExited)
            {
                socket.Dispose();
                Thread.Sleep(100);
            }
        }
    }

    private static string FindSample(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "haproxy-cfg-samples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine("haproxy-cfg-samples", name);
    }

    /// <summary>Prints config diagnostics as they come, without 1.4's date/pid prefix.</summary>
    private sealed class ConsoleSink : IDiagnosticSink
    {
        public void Alert(string text) => Console.Error.Write("[ALERT] " + text);

        public void Warning(string text) => Console.Error.Write("[WARNING] " + text);
    }
}
