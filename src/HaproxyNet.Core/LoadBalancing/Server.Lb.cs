using HaproxyNet.Core.LoadBalancing;

namespace HaproxyNet.Core.Proxies;

/// <summary>Per-server load-balancing state (the lb fields of 1.4's <c>struct server</c>).</summary>
/// <remarks>Owned by the load balancers (src/HaproxyNet.Core/LoadBalancing); the engine reads, never writes, them.</remarks>
public sealed partial class Server
{
    /// <summary>State last committed to the load balancer (<c>prev_state</c>).</summary>
    public ServerState PrevState { get; internal set; }

    /// <summary>Effective weight last committed to the load balancer (<c>prev_eweight</c>).</summary>
    public int PrevEWeight { get; internal set; }

    /// <summary>
    /// True when LB may send new sessions here: running, not going down (NOLB), not in maintenance, eweight &gt; 0.
    /// </summary>
    /// <remarks>HAProxy 1.4 <c>srv_is_usable(srv-&gt;state, srv-&gt;eweight)</c>.</remarks>
    public bool IsUsable => LbMath.IsUsable(State, EWeight);

    /// <summary>Usability at the last commit (<c>srv_is_usable(prev_state, prev_eweight)</c>).</summary>
    public bool WasUsable => LbMath.IsUsable(PrevState, PrevEWeight);

    /// <summary>FWRR: next position (<c>npos</c>).</summary>
    internal int NPos { get; set; }

    /// <summary>FWRR: last position (<c>lpos</c>).</summary>
    internal int LPos { get; set; }

    /// <summary>FWRR: remainder of the position step (<c>rweight</c>).</summary>
    internal int RWeight { get; set; }

    /// <summary>Map: running score while the map is built (<c>wscore</c>).</summary>
    internal int WScore { get; set; }

    private LbTreeNode<Server>? _lbNode;

    /// <summary>FWRR/FWLC tree membership (<c>lb_node</c> / <c>lb_tree</c>).</summary>
    internal LbTreeNode<Server> LbNode => _lbNode ??= new LbTreeNode<Server>(this);

    /// <summary>
    /// The tree the server was last queued into (1.4's <c>lb_tree</c>): kept while the node is briefly dequeued,
    /// cleared when the server leaves the balancer. FWRR uses it to know where the server came from.
    /// </summary>
    internal LbTree<Server>? LbTree { get; set; }

    /// <summary>FWRR: link of the "saturated or avoided" list built during one pick (<c>next_full</c>).</summary>
    internal Server? NextFull { get; set; }

    /// <summary>Consistent hashing: this server's ring nodes (<c>lb_nodes</c>), uweight * 16 of them.</summary>
    internal LbTreeNode<Server>[] ChashNodes { get; set; } = [];

    /// <summary>Consistent hashing: how many of <see cref="ChashNodes"/> are in the ring (<c>lb_nodes_now</c>).</summary>
    internal int ChashNodesNow { get; set; }
}
