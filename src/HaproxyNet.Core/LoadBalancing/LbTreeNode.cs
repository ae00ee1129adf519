namespace HaproxyNet.Core.LoadBalancing;

/// <summary>An intrusive node of <see cref="LbTree{T}"/>: allocated once per server (or ring point), reused forever.</summary>
/// <remarks>Plays the role of 1.4's <c>struct eb32_node</c> embedded in <c>struct server</c>.</remarks>
/// <typeparam name="T">The item the node stands for.</typeparam>
internal sealed class LbTreeNode<T>
    where T : class
{
    public LbTreeNode(T item)
    {
        Item = item;
    }

    /// <summary>The item (server) this node belongs to.</summary>
    public T Item { get; }

    /// <summary>The ordering key; only meaningful while the node is in a tree.</summary>
    public uint Key { get; internal set; }

    /// <summary>The tree holding the node, or null (1.4's <c>lb_tree</c>).</summary>
    public LbTree<T>? Tree { get; internal set; }

    /// <summary>Insertion sequence: orders equal keys first-in first-out.</summary>
    internal ulong Seq { get; set; }

    internal uint Priority { get; set; }

    internal LbTreeNode<T>? Left { get; set; }

    internal LbTreeNode<T>? Right { get; set; }

    internal LbTreeNode<T>? Parent { get; set; }
}
