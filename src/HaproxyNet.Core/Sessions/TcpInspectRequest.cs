using HaproxyNet.Config.Acl;
using HaproxyNet.Core.Acl;
using HaproxyNet.Core.Buffers;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Sessions;

/// <summary>
/// The INSPECT request analyser: runs the frontend's <c>tcp-request content</c> rules in order, waiting for more
/// data while a condition is undecided and <c>tcp-request inspect-delay</c> has not expired.
/// </summary>
/// <remarks>
/// HAProxy 1.4 <c>tcp_inspect_request</c> (src/proto_tcp.c). Conditions are evaluated partially (ACL_PARTIAL)
/// unless the client shut its side, there is no inspect-delay, or the delay expired. The first undecided
/// condition stops the pass: no connection (<c>buffer_dont_connect</c>), and the delay is armed once. The first
/// rule that applies decides; reject aborts both buffers, counts <c>denied_req</c> and sets <c>PR</c>. No rule,
/// or accept, lets the next analysers run.
/// </remarks>
public sealed class TcpInspectRequest : IAnalyser
{
    /// <summary>The single instance (the analyser has no state).</summary>
    public static readonly TcpInspectRequest Instance = new();

    private TcpInspectRequest()
    {
    }

    /// <inheritdoc/>
    public bool Analyse(Session session, Channel channel, int anBit)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(channel);
        var fe = session.Fe;
        var now = session.Loop.Clock.NowMs;
        var partial = (channel.Flags & ChannelFlags.ShutR) == 0 && fe.TcpInspectDelay != 0
            && !Ticks.IsExpired(channel.AnalyseExp, now);
        var evaluator = new SessionAclEvaluator(session, partial);
        var rules = fe.TcpContentRules;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var applies = true;
            if (rule.Condition is { } cond)
            {
                var ret = cond.Execute(ref evaluator);
                if (ret == AclMatchResult.Miss)
                {
                    channel.Flags &= ~ChannelFlags.AutoConnect; // buffer_dont_connect
                    if (!Ticks.IsSet(channel.AnalyseExp) && fe.TcpInspectDelay != 0)
                    {
                        channel.AnalyseExp = Ticks.AddIfSet(now, fe.TcpInspectDelay);
                    }

                    return false;
                }

                applies = (ret == AclMatchResult.Pass) != (cond.Polarity == AclConditionPolarity.Unless);
            }

            if (!applies)
            {
                continue;
            }

            if (!rule.Accept)
            {
                Reject(session, channel);
                return false;
            }

            break;
        }

        channel.Analysers &= ~anBit;
        channel.AnalyseExp = Ticks.Eternity;
        return true;
    }

    /// <summary>The reject action: abort both ways, no analyser left, denied_req++, flags <c>PR</c>.</summary>
    private static void Reject(Session s, Channel req)
    {
        req.Abort();
        req.Flags &= ~ChannelFlags.AutoConnect;
        s.Rep.Abort();
        s.Rep.Flags &= ~ChannelFlags.AutoConnect;
        req.Analysers = 0;
        s.Fe.DeniedReq++;
        s.SetErrIfNone(SessionError.PrxCond);
        s.SetFinIfNone(SessionFinState.R);
        if (s.Loop.Trace.IsEnabled)
        {
            s.Loop.Trace.Trace(s.UniqId, "tcp-request content reject");
        }
    }
}
