using HaproxyNet.Config.Acl;

namespace HaproxyNet.Core.Proxies;

/// <summary>One <c>tcp-request content accept|reject [if|unless cond]</c> rule (1.4's <c>struct tcp_rule</c>).</summary>
/// <param name="Accept">True for accept, false for reject (TCP_ACT_ACCEPT / TCP_ACT_REJECT).</param>
/// <param name="Condition">The condition, or null when the rule always applies.</param>
public sealed record TcpRequestRule(bool Accept, AclCondition? Condition);
