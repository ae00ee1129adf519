using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Queueing;

namespace HaproxyNet.Core.Tests.Queueing;

public class DynamicMaxconnTests
{
    private static Server Make(int beconn, int fullconn, int minconn, int maxconn)
    {
        var p = new Proxy("b") { BeConn = beconn, FullConn = fullconn };
        return new Server(p, "s", 1) { MinConn = minconn, MaxConn = maxconn, State = ServerState.Running };
    }

    [Theory]
    [InlineData(1, 1)] // 1*10/100 = 0 -> minconn
    [InlineData(8, 1)] // the seed incident: 8 clients -> 0 -> 1
    [InlineData(19, 1)]
    [InlineData(20, 2)] // 20*10/100 = 2
    [InlineData(99, 9)] // just below fullconn: truncated 9.9
    [InlineData(100, 10)] // beconn == fullconn -> maxconn
    [InlineData(150, 10)]
    public void SrvDynamicMaxconn_AroundFullconn_ScalesThenCaps(int beconn, int expected)
    {
        Assert.Equal(expected, DynamicMaxconn.SrvDynamicMaxconn(Make(beconn, 100, 1, 10), 0));
    }

    [Fact]
    public void SrvDynamicMaxconn_MinconnEqualsMaxconn_StaticLimit()
    {
        Assert.Equal(10, DynamicMaxconn.SrvDynamicMaxconn(Make(1, 100, 10, 10), 0));
    }

    [Fact]
    public void SrvDynamicMaxconn_FullconnZero_Maxconn()
    {
        Assert.Equal(10, DynamicMaxconn.SrvDynamicMaxconn(Make(0, 0, 1, 10), 0));
    }

    [Theory]
    [InlineData(1000, 1)] // ratio 0 -> never below 1
    [InlineData(1004, 4)] // 40 % of 10
    [InlineData(1009, 9)]
    [InlineData(1010, 10)] // window over: no scaling
    [InlineData(999, 10)] // clock before last change: no scaling
    public void SrvDynamicMaxconn_WarmingUp_ScalesBySlowstartRatio(long now, int expected)
    {
        var s = Make(200, 100, 1, 10);
        s.State |= ServerState.WarmingUp;
        s.LastChangeSeconds = 1000;
        s.SlowStartSeconds = 10;

        Assert.Equal(expected, DynamicMaxconn.SrvDynamicMaxconn(s, now));
    }

    [Fact]
    public void SrvDynamicMaxconn_WarmingUpBelowFullconn_ScalesTheDynamicValue()
    {
        var s = Make(50, 100, 2, 10); // dynamic 5
        s.State |= ServerState.WarmingUp;
        s.LastChangeSeconds = 0;
        s.SlowStartSeconds = 10;

        Assert.Equal(2, DynamicMaxconn.SrvDynamicMaxconn(s, 5)); // 5 * 50 / 100 = 2
    }
}
