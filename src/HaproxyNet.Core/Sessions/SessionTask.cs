using HaproxyNet.Core.Tasks;

namespace HaproxyNet.Core.Sessions;

/// <summary>The task that runs <see cref="ProcessSession.Run"/> for one session.</summary>
public sealed class SessionTask : EngineTask
{
    internal SessionTask(Session session)
    {
        Session = session;
    }

    public Session Session { get; }

    /// <summary>Runs the session; an exception here or in its socket callbacks ends this session only (<see cref="ProcessSession.Abort"/>).</summary>
    public override bool Process()
    {
        if (Session.PendingFault is { } fault)
        {
            ProcessSession.Abort(Session, fault);
            return false;
        }

        try
        {
            return ProcessSession.Run(Session);
        }
        catch (Exception e)
        {
            ProcessSession.Abort(Session, e);
            return false;
        }
    }
}
