using HaproxyNet.Core.StreamInterfaces;

namespace HaproxyNet.Core.Sessions;

/// <summary>What happens when running one session throws: that session ends, the process goes on.</summary>
/// <remarks>
/// Not in 1.4, where such a bug would stop the whole process and every session with it. Here the session is
/// closed as after an internal error (1.4's SN_ERR_INTERNAL, <c>I</c> in the log's termination state), its
/// counters and server slot are released by the normal end path, and the exception goes to stderr for a report.
/// </remarks>
public static partial class ProcessSession
{
    /// <summary>Ends <paramref name="s"/> after <paramref name="error"/> escaped from its processing.</summary>
    internal static void Abort(Session s, Exception error)
    {
        var loop = s.Loop;
        loop.InternalErrors++;
        loop.Messages?.Alert($"HaproxyNet internal error in session {s.UniqId:x8} of proxy {s.Fe.Name}, session closed: {error}\n");
        if (loop.Trace.IsEnabled)
        {
            loop.Trace.Trace(s.UniqId, "internal error, session aborted: " + error.GetType().Name + ": " + error.Message);
        }

        s.SetErrIfNone(SessionError.Internal);
        SessSetTermFlags(s);
        try
        {
            CloseNow(s.Si0);
            CloseNow(s.Si1);
            EndSession(s);
        }
        catch (Exception second)
        {
            // The end path itself failed: free the sockets and the task at least; counters may be off.
            loop.Messages?.Alert($"HaproxyNet internal error while closing session {s.UniqId:x8}: {second}\n");
            s.Si0.CloseSocket();
            s.Si1.CloseSocket();
            loop.Scheduler.Delete(s.Task);
        }
    }

    /// <summary>Resets and closes one side whatever its state (a queued or idle side just becomes CLO).</summary>
    private static void CloseNow(StreamInterface si)
    {
        si.CloseSocket(reset: true);
        si.State = SiState.Clo;
    }
}
