using System.Collections.Concurrent;

namespace HaproxyNet.Core;

/// <summary>What the stats need from the process (<c>show info</c>) and the way the stats socket reaches the loop.</summary>
public sealed partial class EngineLoop
{
    private readonly ConcurrentQueue<Action> _posted = new();

    /// <summary>The process id shown by <c>show info</c> and the page (set by the host).</summary>
    public int Pid { get; set; }

    /// <summary>Ulimit-n applied (set by the host).</summary>
    public int UlimitN { get; set; }

    /// <summary>maxsock (set by the host).</summary>
    public int MaxSock { get; set; }

    /// <summary><c>-m</c> in megabytes, 0 = unlimited.</summary>
    public int MemMaxMb { get; set; }

    /// <summary>Engine microseconds at start (1.4's <c>start_date</c>), for the uptime.</summary>
    public long StartUs { get; set; }

    /// <summary>Stats socket connections open now (1.4 counts them in CurrConns as sessions of its GLOBAL frontend).</summary>
    public int CliConns { get; set; }

    /// <summary>Number of error snapshots taken so far, the next one's event number (1.4's <c>error_snapshot_id</c>).</summary>
    public long ErrorSnapshotId { get; internal set; }

    /// <summary>
    /// A stats socket connection was accepted: it counts in CurrConns and, as in 1.4 where it is a session of the
    /// GLOBAL frontend, takes the next session id (so the ids <c>show sess</c>/<c>show errors</c> print match 1.4's).
    /// </summary>
    public void CliAccepted()
    {
        CliConns++;
        TotalConn++;
    }

    /// <summary>
    /// Thread-safe: runs <paramref name="work"/> on the loop thread at its next turn (the stats socket's commands,
    /// which read and change engine state). Not for the data path.
    /// </summary>
    public void Post(Action work)
    {
        _posted.Enqueue(work);
        Network.Poller.Wake();
    }

    private void RunPosted()
    {
        while (_posted.TryDequeue(out var work))
        {
            work();
        }
    }

    private bool HasPosted => !_posted.IsEmpty;

    /// <summary>The newest live session; the list is walked by <c>show sess</c>.</summary>
    internal Sessions.Session? LiveSessions { get; private set; }

    /// <summary>Adds a new session to the live list (no allocation: the links live in the session).</summary>
    internal void LinkSession(Sessions.Session s)
    {
        s.CreatedUs = Clock.NowUs;
        s.NextLive = LiveSessions;
        if (LiveSessions is { } head)
        {
            head.PrevLive = s;
        }

        LiveSessions = s;
    }

    /// <summary>Removes an ended session from the live list.</summary>
    internal void UnlinkSession(Sessions.Session s)
    {
        if (s.PrevLive is { } prev)
        {
            prev.NextLive = s.NextLive;
        }
        else if (LiveSessions == s)
        {
            LiveSessions = s.NextLive;
        }

        if (s.NextLive is { } next)
        {
            next.PrevLive = s.PrevLive;
        }

        s.PrevLive = null;
        s.NextLive = null;
    }
}
