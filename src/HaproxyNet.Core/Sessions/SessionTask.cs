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

    public override bool Process() => ProcessSession.Run(Session);
}
