using HaproxyNet.Core.LoadBalancing;

namespace HaproxyNet.Core.Tests.LoadBalancing;

public class LbTreeTests
{
    private sealed class Item(string name)
    {
        public string Name { get; } = name;
    }

    private static LbTreeNode<Item> Node(string name) => new(new Item(name));

    private static string Walk(LbTree<Item> tree)
    {
        var names = new List<string>();
        for (var n = tree.First(); n is not null; n = LbTree<Item>.Next(n))
        {
            names.Add(n.Item.Name);
        }

        return string.Join(' ', names);
    }

    [Fact]
    public void Insert_EqualKeys_KeepInsertionOrder()
    {
        var t = new LbTree<Item>();
        t.Insert(Node("a"), 5);
        t.Insert(Node("b"), 5);
        t.Insert(Node("c"), 1);
        t.Insert(Node("d"), 5);

        Assert.Equal("c a b d", Walk(t));
        Assert.Equal(4, t.Count);
    }

    [Fact]
    public void Reinsert_SameKey_MovesToEndOfEqualGroup()
    {
        var t = new LbTree<Item>();
        var a = Node("a");
        t.Insert(a, 0);
        t.Insert(Node("b"), 0);
        t.Insert(Node("c"), 0);
        t.Remove(a);
        t.Insert(a, 0);

        Assert.Equal("b c a", Walk(t));
    }

    [Fact]
    public void Insert_NodeAlreadyInTree_Throws()
    {
        var t = new LbTree<Item>();
        var a = Node("a");
        t.Insert(a, 0);

        Assert.Throws<InvalidOperationException>(() => t.Insert(a, 1));
    }

    [Fact]
    public void Remove_NodeOfAnotherTree_Ignored()
    {
        var t1 = new LbTree<Item>();
        var t2 = new LbTree<Item>();
        var a = Node("a");
        t1.Insert(a, 0);
        t2.Remove(a);

        Assert.Same(t1, a.Tree);
        Assert.Equal(1, t1.Count);
    }

    [Theory]
    [InlineData(0u, "k10")]
    [InlineData(10u, "k10")]
    [InlineData(11u, "k20")]
    [InlineData(30u, "k30")]
    [InlineData(31u, null)]
    public void LowerBound_Key_FirstNodeNotBelow(uint key, string? expected)
    {
        var t = new LbTree<Item>();
        t.Insert(Node("k20"), 20);
        t.Insert(Node("k10"), 10);
        t.Insert(Node("k30"), 30);

        Assert.Equal(expected, t.LowerBound(key)?.Item.Name);
    }

    [Fact]
    public void LowerBound_EqualKeys_ReturnsFirstInserted()
    {
        var t = new LbTree<Item>();
        t.Insert(Node("x"), 7);
        t.Insert(Node("y"), 7);

        Assert.Equal("x", t.LowerBound(7)!.Item.Name);
    }

    [Fact]
    public void FirstLastPrev_EmptyAndBoundaries_Consistent()
    {
        var t = new LbTree<Item>();
        Assert.Null(t.First());
        Assert.Null(t.Last());
        Assert.True(t.IsEmpty);

        t.Insert(Node("a"), uint.MaxValue);
        t.Insert(Node("b"), 0);
        Assert.Equal("b", t.First()!.Item.Name);
        Assert.Equal("a", t.Last()!.Item.Name);
        Assert.Null(LbTree<Item>.Prev(t.First()!));
        Assert.Null(LbTree<Item>.Next(t.Last()!));
        Assert.Equal("b", LbTree<Item>.Prev(t.Last()!)!.Item.Name);
    }

    [Fact]
    public void RandomOperations_MatchSortedReference()
    {
        var rng = new Random(1234);
        var t = new LbTree<Item>();
        var nodes = new LbTreeNode<Item>[200];
        var reference = new List<(uint Key, long Seq, LbTreeNode<Item> Node)>();
        long seq = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = Node("n" + i);
        }

        for (var op = 0; op < 5000; op++)
        {
            var n = nodes[rng.Next(nodes.Length)];
            if (n.Tree is null)
            {
                var key = (uint)rng.Next(16);
                t.Insert(n, key);
                reference.Add((key, seq++, n));
            }
            else
            {
                t.Remove(n);
                reference.RemoveAll(r => r.Node == n);
            }

            if (op % 250 == 0)
            {
                reference.Sort((x, y) => x.Key != y.Key ? x.Key.CompareTo(y.Key) : x.Seq.CompareTo(y.Seq));
                Assert.Equal(string.Join(' ', reference.ConvertAll(r => r.Node.Item.Name)), Walk(t));
                Assert.Equal(reference.Count, t.Count);
            }
        }
    }
}
