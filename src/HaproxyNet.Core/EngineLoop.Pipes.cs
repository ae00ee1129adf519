using HaproxyNet.Core.Ports;

namespace HaproxyNet.Core;

/// <summary>Pipes for splicing, bounded by <c>maxpipes</c> (1.4's <c>pipes_used</c>, <c>get_pipe</c>, <c>put_pipe</c>).</summary>
public sealed partial class EngineLoop
{
    /// <summary>Pipes attached to channels now (PipesUsed in <c>show info</c>).</summary>
    public int PipesUsed { get; private set; }

    /// <summary>The most pipes ever in use at once (never above <c>maxpipes</c>).</summary>
    public int PipesPeak { get; private set; }

    /// <summary>
    /// A pipe for a channel, or null: <c>maxpipes</c> reached, or the transport cannot splice or create a pipe
    /// now. The caller copies through its buffer instead.
    /// </summary>
    internal IPipe? GetPipe()
    {
        if (PipesUsed >= Global.MaxPipes)
        {
            return null;
        }

        var pipe = Network.GetPipe(Global.PipeSize);
        if (pipe is null)
        {
            return null;
        }

        PipesUsed++;
        PipesPeak = Math.Max(PipesPeak, PipesUsed);
        return pipe;
    }

    /// <summary>Gives a pipe back (emptied by the consumer, or dropped with its data at session end).</summary>
    internal void PutPipe(IPipe pipe)
    {
        PipesUsed--;
        Network.PutPipe(pipe);
    }
}
