using System.Net.Sockets;
using System.Text;
using HaproxyNet.Core;
using HaproxyNet.Core.Stats;

namespace HaproxyNet.IO.Stats;

/// <summary>Settings of the <c>stats socket</c> line and the global <c>stats timeout</c>/<c>stats maxconn</c>.</summary>
/// <param name="Path">The socket file.</param>
/// <param name="Level">Access level of every connection.</param>
/// <param name="TimeoutMs">Idle timeout of a connection (default 10 s).</param>
/// <param name="MaxConn">Connections served at once (default 10); more wait in the backlog.</param>
/// <param name="Uid">Owner to give the file, -1 = unchanged.</param>
/// <param name="Gid">Group to give the file, -1 = unchanged.</param>
/// <param name="Mode">Permission bits (octal in the config), 0 = as created.</param>
public sealed record StatsSocketSettings(string Path, CliLevel Level, int TimeoutMs, int MaxConn, int Uid = -1, int Gid = -1, int Mode = 0);

/// <summary>
/// The UNIX stats socket (1.4's <c>stats socket</c>, <c>proto_uxst.c</c> + the CLI I/O handler of dumpstats.c).
/// </summary>
/// <remarks>
/// A small dedicated accept thread and one thread per connection (at most <c>stats maxconn</c>): they only move
/// bytes. Each command line is handed to the engine's loop thread with <see cref="EngineLoop.Post"/>, which owns all
/// engine state, and its answer is written back. Lines end with LF (a CR before it is dropped); a connection in
/// non-interactive mode is closed once every command already received was answered, as 1.4 does.
/// </remarks>
public sealed class UnixStatsSocket : IDisposable
{
    private readonly StatsSocketSettings _settings;
    private readonly EngineLoop _loop;
    private readonly SemaphoreSlim _slots;
    private Socket? _listener;
    private Thread? _acceptThread;
    private volatile bool _closing;

    public UnixStatsSocket(StatsSocketSettings settings, EngineLoop loop)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loop);
        _settings = settings;
        _loop = loop;
        _slots = new SemaphoreSlim(Math.Max(1, settings.MaxConn));
    }

    /// <summary>
    /// Binds as 1.4's uxst_bind_listener does: a temporary name next to the target (so a running process's socket
    /// is replaced atomically), ownership and mode, listen, then rename over the path. Returns an error or null.
    /// </summary>
    public string? Bind()
    {
        var path = _settings.Path;
        var tmp = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        try
        {
            File.Delete(tmp);
            var sock = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                sock.Bind(new UnixDomainSocketEndPoint(tmp));
                if ((_settings.Uid != -1 || _settings.Gid != -1) && Native.LibC.Chown(tmp, _settings.Uid, _settings.Gid) != 0)
                {
                    File.Delete(tmp);
                    sock.Dispose();
                    return "cannot change UNIX socket ownership";
                }

                if (_settings.Mode != 0 && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(tmp, (UnixFileMode)(_settings.Mode & 0xFFF));
                }

                sock.Listen(Math.Max(1, _settings.MaxConn));
                File.Move(tmp, path, overwrite: true);
            }
            catch
            {
                sock.Dispose();
                throw;
            }

            _listener = sock;
            return null;
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(tmp);
            }
            catch (IOException)
            {
            }

            return e.Message;
        }
    }

    /// <summary>Starts accepting (after the identity change, like the other listeners start polling).</summary>
    public void Start()
    {
        if (_listener is null)
        {
            return;
        }

        _acceptThread = new Thread(AcceptLoop) { IsBackground = true, Name = "stats socket" };
        _acceptThread.Start();
    }

    /// <summary>Stops accepting; with <paramref name="removeFile"/> (graceful exit) the socket file is removed.</summary>
    public void Close(bool removeFile)
    {
        _closing = true;
        _listener?.Dispose();
        if (removeFile)
        {
            try
            {
                File.Delete(_settings.Path);
            }
            catch (IOException)
            {
            }
        }
    }

    public void Dispose()
    {
        Close(removeFile: false);
        _slots.Dispose();
    }

    private void AcceptLoop()
    {
        var listener = _listener!;
        while (!_closing)
        {
            Socket client;
            try
            {
                _slots.Wait();
                client = listener.Accept();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            var t = new Thread(() => Serve(client)) { IsBackground = true, Name = "stats client" };
            t.Start();
        }
    }

    private void Serve(Socket client)
    {
        var cli = new CliConnection(_settings.Level, _settings.TimeoutMs);
        RunOnLoop(_loop.CliAccepted);
        try
        {
            Converse(client, cli);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or IOException)
        {
        }
        finally
        {
            // Leave CurrConns before the client sees the close, so its next connection does not count this one.
            RunOnLoop(() => _loop.CliConns--);
            try
            {
                client.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
            }

            client.Dispose();
            _slots.Release();
        }
    }

    private void Converse(Socket client, CliConnection cli)
    {
        var buf = new byte[16384];
        var pending = new List<byte>();
        var output = new StringBuilder();
        while (true)
        {
            client.ReceiveTimeout = cli.TimeoutMs;
            int n;
            try
            {
                n = client.Receive(buf);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
            {
                return;
            }

            if (n == 0)
            {
                return;
            }

            for (var i = 0; i < n; i++)
            {
                pending.Add(buf[i]);
            }

            // Answer every complete line received so far.
            int lf;
            while ((lf = pending.IndexOf((byte)'\n')) >= 0)
            {
                var len = lf > 0 && pending[lf - 1] == '\r' ? lf - 1 : lf;
                var line = Encoding.Latin1.GetString(pending.GetRange(0, len).ToArray());
                pending.RemoveRange(0, lf + 1);
                output.Clear();
                if (!RunOnLoop(() => StatsCli.ExecuteLine(_loop, cli, line, output)))
                {
                    return;
                }

                if (output.Length > 0)
                {
                    client.Send(Encoding.Latin1.GetBytes(output.ToString()));
                }

                if (cli.Quit)
                {
                    return;
                }
            }

            if (!cli.Interactive && pending.Count == 0 && client.Available == 0)
            {
                return;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on the loop thread and waits for it; false when the loop has ended.</summary>
    private bool RunOnLoop(Action work)
    {
        var done = new ManualResetEventSlim(); // not disposed: the loop may set it after a give-up
        _loop.Post(() =>
        {
            try
            {
                work();
            }
            finally
            {
                done.Set();
            }
        });
        while (!done.Wait(1000))
        {
            if (_loop.Exited || _closing)
            {
                return false;
            }
        }

        return true;
    }
}
