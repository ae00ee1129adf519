using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Core.Tests.Http.Parsing;

public sealed class HdrIdxTests
{
    [Fact]
    public void Add_205Lines_206thRefused()
    {
        // 204 parsed lines and one added by the engine fit (1.4.25: httpclose's Connection on 204 lines passes).
        var idx = new HdrIdx();
        for (var i = 0; i < 205; i++)
        {
            Assert.True(idx.Add(5, true, idx.Tail) > 0);
        }

        Assert.Equal(-1, idx.Add(5, true, idx.Tail));
        Assert.Equal(206, idx.Used);
        Assert.Equal(205, idx.ParseLimit);
    }

    [Fact]
    public void Add_AfterRemovalWhenFreshSlotsExhausted_ReusesHole()
    {
        var idx = new HdrIdx(4);
        var a = idx.Add(1, true, 0);
        var b = idx.Add(2, true, a);
        var c = idx.Add(3, false, b);
        idx.Remove(a, b);

        var d = idx.Add(9, true, idx.Tail);

        Assert.Equal(b, d);
        Assert.Equal(c, idx[a].Next);
        Assert.Equal(d, idx[c].Next);
        Assert.Equal(d, idx.Tail);
        Assert.Equal(10, idx[d].LineSize - 1 + 0 + (idx[d].Cr ? 0 : 1));
    }

    [Fact]
    public void Add_InsertAfterFirst_LinkedInMessageOrder()
    {
        var idx = new HdrIdx();
        idx.SetStart(14, true);
        var a = idx.Add(1, true, 0);
        var c = idx.Add(3, true, a);
        var b = idx.Add(2, true, a);

        Assert.Equal(a, idx.FirstIdx);
        Assert.Equal(b, idx[a].Next);
        Assert.Equal(c, idx[b].Next);
        Assert.Equal(c, idx.Tail);
        Assert.Equal(16, idx.FirstPos);
    }
}
