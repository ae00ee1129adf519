using HaproxyNet.Core.Proxies;

namespace HaproxyNet.Core.LoadBalancing;

/// <summary>One FWRR server group (active or backup): the current tree and the init/next pair that swap roles.</summary>
/// <remarks>HAProxy 1.4 <c>struct fwrr_group</c> (include/types/lb_fwrr.h).</remarks>
internal sealed class FwrrGroup
{
    public FwrrGroup(int weight)
    {
        Init = _t0;
        Next = _t1;
        CurrPos = CurrWeight = NextWeight = weight;
    }

    private readonly LbTree<Server> _t0 = new();
    private readonly LbTree<Server> _t1 = new();

    /// <summary>Servers positioned in the current window, keyed by position.</summary>
    public LbTree<Server> Curr { get; } = new();

    /// <summary>Servers waiting for their first turn of the window, heaviest first.</summary>
    public LbTree<Server> Init { get; private set; }

    /// <summary>Servers pushed to the next window, heaviest first.</summary>
    public LbTree<Server> Next { get; private set; }

    /// <summary>Current position in the window (<c>curr_pos</c>).</summary>
    public int CurrPos { get; set; }

    /// <summary>Total weight of the current window (<c>curr_weight</c>).</summary>
    public int CurrWeight { get; set; }

    /// <summary>Total weight for the next window (<c>next_weight</c>).</summary>
    public int NextWeight { get; set; }

    /// <summary>Swaps init and next and starts a new window (<c>fwrr_switch_trees</c>).</summary>
    public void SwitchTrees()
    {
        (Init, Next) = (Next, Init);
        CurrWeight = NextWeight;
        CurrPos = CurrWeight;
    }
}
