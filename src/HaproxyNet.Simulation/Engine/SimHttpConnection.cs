using System.Text;

namespace HaproxyNet.Testing.Engine;

/// <summary>One connection of a simulated HTTP backend: parses requests, answers after the configured delays.</summary>
internal sealed class SimHttpConnection
{
    private byte[]? _head;
    private byte[]? _body;
    private long _headAtUs;
    private long _bodyAtUs;
    private bool _keepAlive;
    private bool _closing;

    public List<byte> Rx { get; } = [];

    public bool PeerDone { get; set; }

    public long WakeUs { get; private set; } = -1;

    public bool Step(SimServer server, SimSocket c, long nowUs)
    {
        var progress = false;
        WakeUs = -1;
        while (true)
        {
            if (_closing)
            {
                if (PeerDone || c.GotReset)
                {
                    c.Close();
                    return true;
                }

                return progress;
            }

            if (_head is null && _body is null)
            {
                if (!TryParse(server, nowUs))
                {
                    if (PeerDone)
                    {
                        c.Close();
                        return true;
                    }

                    return progress;
                }

                progress = true;
            }

            if (_head is not null)
            {
                if (nowUs < _headAtUs)
                {
                    WakeUs = _headAtUs;
                    return progress;
                }

                c.Send(_head, out _);
                _head = null;
                progress = true;
            }

            if (_body is not null)
            {
                if (nowUs < _bodyAtUs)
                {
                    WakeUs = _bodyAtUs;
                    return progress;
                }

                if (_body.Length > 0)
                {
                    c.Send(_body, out _);
                }

                _body = null;
                progress = true;
            }

            if (!_keepAlive)
            {
                c.ShutdownWrite();
                _closing = true;
            }
        }
    }

    private bool TryParse(SimServer server, long nowUs)
    {
        var data = Rx.ToArray();
        var end = IndexOf(data, "\r\n\r\n"u8);
        if (end < 0)
        {
            return false;
        }

        var head = Encoding.Latin1.GetString(data, 0, end);
        var lines = head.Split("\r\n");
        var parts = lines[0].Split(' ');
        if (parts.Length < 3)
        {
            return false;
        }

        string? connection = null;
        var length = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var name = lines[i][..colon].Trim();
            var value = lines[i][(colon + 1)..].Trim();
            if (name.Equals("connection", StringComparison.OrdinalIgnoreCase))
            {
                connection = value;
            }
            else if (name.Equals("content-length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var total = end + 4 + length;
        if (data.Length < total)
        {
            return false;
        }

        Rx.RemoveRange(0, total);
        server.CountRequest();
        var b = server.Http.For(parts[1]);
        var (h, body, ka) = b.Respond(parts[0], parts[2], connection);
        _headAtUs = nowUs + (b.DelayMs * 1000L);
        _bodyAtUs = _headAtUs + (b.BodyDelayMs * 1000L);
        _head = h;
        _body = body;
        _keepAlive = ka;
        return true;
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> pattern) => data.AsSpan().IndexOf(pattern);
}
