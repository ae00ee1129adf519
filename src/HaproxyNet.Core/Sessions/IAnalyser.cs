using HaproxyNet.Core.Buffers;

namespace HaproxyNet.Core.Sessions;

/// <summary>One request or response analyser (the HTTP layer plugs in here; TCP needs only switching rules).</summary>
/// <remarks>Mirrors 1.4's analyser functions <c>int f(struct session *s, struct buffer *b, int an_bit)</c>.</remarks>
public interface IAnalyser
{
    /// <summary>Runs on <paramref name="channel"/>; returns false to stop the pass (wait for more data).</summary>
    /// <param name="anBit">This analyser's bit; the analyser clears it from <see cref="Channel.Analysers"/> when done.</param>
    bool Analyse(Session session, Channel channel, int anBit);
}
