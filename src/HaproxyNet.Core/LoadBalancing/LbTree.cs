namespace HaproxyNet.Core.LoadBalancing;

/// <summary>
/// An ordered multiset of intrusive nodes keyed by an unsigned 32-bit value, where equal keys keep insertion
/// order: a node inserted with a key already present goes after the existing ones. Allocation-free.
/// </summary>
/// <remarks>
/// Stands in for 1.4's ebtree (<c>eb32_insert</c>, <c>eb32_first</c>, <c>eb32_next</c>, <c>eb32_lookup_ge</c>...),
/// whose duplicate keys are kept in insertion order; that FIFO rule decides every LB tie. Implemented as a treap
/// ordered by (key, insertion sequence) with a deterministic priority generator, so operations are O(log n)
/// expected and runs are reproducible.
/// </remarks>
/// <typeparam name="T">The item type the nodes carry.</typeparam>
internal sealed class LbTree<T>
    where T : class
{
    private LbTreeNode<T>? _root;
    private ulong _seq;
    private uint _rng = 0x9E3779B9u;

    /// <summary>Number of nodes in the tree.</summary>
    public int Count { get; private set; }

    /// <summary>True when the tree holds no node.</summary>
    public bool IsEmpty => _root is null;

    /// <summary>Inserts <paramref name="node"/> with <paramref name="key"/>, after any node with the same key.</summary>
    /// <exception cref="InvalidOperationException">The node is already in a tree.</exception>
    public void Insert(LbTreeNode<T> node, uint key)
    {
        if (node.Tree is not null)
        {
            throw new InvalidOperationException("node already in a tree");
        }

        node.Key = key;
        node.Seq = ++_seq;
        node.Priority = NextPriority();
        node.Left = node.Right = node.Parent = null;
        node.Tree = this;
        Count++;

        if (_root is null)
        {
            _root = node;
            return;
        }

        // The new node has the largest sequence number, so it sorts after every equal key: go right on ties.
        var cur = _root;
        while (true)
        {
            if (key < cur.Key)
            {
                if (cur.Left is null)
                {
                    cur.Left = node;
                    break;
                }

                cur = cur.Left;
            }
            else
            {
                if (cur.Right is null)
                {
                    cur.Right = node;
                    break;
                }

                cur = cur.Right;
            }
        }

        node.Parent = cur;
        while (node.Parent is not null && node.Priority < node.Parent.Priority)
        {
            RotateUp(node);
        }
    }

    /// <summary>Removes <paramref name="node"/> if it is in this tree (1.4's <c>eb32_delete</c>); no-op otherwise.</summary>
    public void Remove(LbTreeNode<T> node)
    {
        if (node.Tree != this)
        {
            return;
        }

        // Push the node down to a leaf, keeping the heap order, then unlink it.
        while (node.Left is not null || node.Right is not null)
        {
            var child = node.Left is null
                ? node.Right!
                : node.Right is null || node.Left.Priority < node.Right.Priority ? node.Left : node.Right;
            RotateUp(child);
        }

        ReplaceChild(node.Parent, node, null);
        node.Parent = null;
        node.Tree = null;
        Count--;
    }

    /// <summary>The node with the smallest key (first inserted among equals), or null.</summary>
    public LbTreeNode<T>? First()
    {
        var n = _root;
        if (n is null)
        {
            return null;
        }

        while (n.Left is not null)
        {
            n = n.Left;
        }

        return n;
    }

    /// <summary>The node with the largest key (last inserted among equals), or null.</summary>
    public LbTreeNode<T>? Last()
    {
        var n = _root;
        if (n is null)
        {
            return null;
        }

        while (n.Right is not null)
        {
            n = n.Right;
        }

        return n;
    }

    /// <summary>The node following <paramref name="node"/> in order, or null.</summary>
    public static LbTreeNode<T>? Next(LbTreeNode<T> node)
    {
        if (node.Right is not null)
        {
            var n = node.Right;
            while (n.Left is not null)
            {
                n = n.Left;
            }

            return n;
        }

        var cur = node;
        var p = node.Parent;
        while (p is not null && cur == p.Right)
        {
            cur = p;
            p = p.Parent;
        }

        return p;
    }

    /// <summary>The node preceding <paramref name="node"/> in order, or null.</summary>
    public static LbTreeNode<T>? Prev(LbTreeNode<T> node)
    {
        if (node.Left is not null)
        {
            var n = node.Left;
            while (n.Right is not null)
            {
                n = n.Right;
            }

            return n;
        }

        var cur = node;
        var p = node.Parent;
        while (p is not null && cur == p.Left)
        {
            cur = p;
            p = p.Parent;
        }

        return p;
    }

    /// <summary>The first node whose key is &gt;= <paramref name="key"/>, or null (1.4's <c>eb32_lookup_ge</c>).</summary>
    public LbTreeNode<T>? LowerBound(uint key)
    {
        LbTreeNode<T>? best = null;
        var n = _root;
        while (n is not null)
        {
            if (n.Key >= key)
            {
                best = n;
                n = n.Left;
            }
            else
            {
                n = n.Right;
            }
        }

        return best;
    }

    private uint NextPriority()
    {
        // xorshift32: deterministic, allocation-free; only the tree shape depends on it, never the order.
        var x = _rng;
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        _rng = x;
        return x;
    }

    private void RotateUp(LbTreeNode<T> x)
    {
        var p = x.Parent!;
        var g = p.Parent;
        if (x == p.Left)
        {
            p.Left = x.Right;
            if (x.Right is not null)
            {
                x.Right.Parent = p;
            }

            x.Right = p;
        }
        else
        {
            p.Right = x.Left;
            if (x.Left is not null)
            {
                x.Left.Parent = p;
            }

            x.Left = p;
        }

        p.Parent = x;
        x.Parent = g;
        ReplaceChild(g, p, x);
    }

    private void ReplaceChild(LbTreeNode<T>? parent, LbTreeNode<T> oldChild, LbTreeNode<T>? newChild)
    {
        if (parent is null)
        {
            _root = newChild;
        }
        else if (parent.Left == oldChild)
        {
            parent.Left = newChild;
        }
        else
        {
            parent.Right = newChild;
        }
    }
}
