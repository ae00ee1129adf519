using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Sessions;

namespace HaproxyNet.Core.Stats;

/// <summary>
/// A stats response larger than the response buffer, sent piece by piece as the client drains it (the part of
/// 1.4's stats I/O handler that refills the buffer); the session runs after each write event and calls
/// <see cref="Refill"/>.
/// </summary>
internal sealed class StatsReply
{
    private readonly byte[] _data;
    private int _sent;

    public StatsReply(byte[] data)
    {
        _data = data;
    }

    /// <summary>Copies what fits into the response channel; on the last piece shuts it so the session can end.</summary>
    public static void Refill(Session s)
    {
        if (s.StatsReply is not { } r)
        {
            return;
        }

        var rep = s.Rep;
        var room = rep.Size - rep.Length;
        var n = Math.Min(room, r._data.Length - r._sent);
        if (n > 0 && rep.Write(r._data.AsSpan(r._sent, n)))
        {
            r._sent += n;
            rep.Wex = Time.Ticks.AddIfSet(s.Loop.Clock.NowMs, rep.Wto);
        }

        if (r._sent >= r._data.Length)
        {
            s.StatsReply = null;
            rep.ShutRNow();
        }
    }

    /// <summary>Starts sending <paramref name="data"/> as the whole response of <paramref name="s"/>.</summary>
    public static void Start(Session s, byte[] data)
    {
        var si = s.Si0;
        var ib = si.Ib;
        var ob = si.Ob;
        ib.Flags &= ~ChannelFlags.DontRead;
        ib.Abort();
        ib.Flags |= ChannelFlags.AutoClose;
        ib.Erase();
        ob.Flags &= ~ChannelFlags.DontRead;
        ob.Flags |= ChannelFlags.AutoClose;
        ob.Erase();
        s.StatsReply = new StatsReply(data);
        Refill(s);
    }
}
