using HaproxyNet.Config.Lint;

namespace HaproxyNet.Config.Tests.Lint;

public class MinconnFloorTests
{
    [Fact]
    public void SessionsToLeaveFloor_SeedIncident_Is20()
    {
        Assert.Equal(20, MinconnFloor.SessionsToLeaveFloor(1, 10, 100));
    }

    [Fact]
    public void Limit_SeedIncidentAroundN_StaysAtMinconnAt19AndRisesAt20()
    {
        Assert.Equal(1, MinconnFloor.Limit(19, 1, 10, 100));
        Assert.Equal(2, MinconnFloor.Limit(20, 1, 10, 100));
    }

    [Theory]
    [InlineData(1, 10, 100, 20)]
    [InlineData(1, 10, 2000, 400)]
    [InlineData(10, 50, 500, 110)]
    [InlineData(1, 100, 1000, 20)]
    [InlineData(3, 7, 10, 6)] // ceil(4 * 10 / 7) = 6: 6 * 7 / 10 = 4 > 3, 5 * 7 / 10 = 3
    [InlineData(1, 2, 3, 3)] // never above the floor before fullconn: capped at fullconn
    [InlineData(5, 6, 1, 1)]
    public void SessionsToLeaveFloor_Cases_MatchesIntegerDivisionOnBothSides(int minconn, int maxconn, int fullconn, int expected)
    {
        var n = MinconnFloor.SessionsToLeaveFloor(minconn, maxconn, fullconn);

        Assert.Equal(expected, n);
        Assert.True(MinconnFloor.Limit(n, minconn, maxconn, fullconn) > minconn);
        if (n > 1)
        {
            Assert.Equal(minconn, MinconnFloor.Limit(n - 1, minconn, maxconn, fullconn));
        }
    }

    [Fact]
    public void SessionsToLeaveFloor_AllSmallConfigs_IsTheFirstLoadAboveMinconn()
    {
        for (var fullconn = 1; fullconn <= 60; fullconn++)
        {
            for (var maxconn = 2; maxconn <= 25; maxconn++)
            {
                for (var minconn = 1; minconn < maxconn; minconn++)
                {
                    var first = 0;
                    for (var beconn = 0; beconn <= fullconn; beconn++)
                    {
                        if (MinconnFloor.Limit(beconn, minconn, maxconn, fullconn) > minconn)
                        {
                            first = beconn;
                            break;
                        }
                    }

                    Assert.Equal(first, MinconnFloor.SessionsToLeaveFloor(minconn, maxconn, fullconn));
                }
            }
        }
    }

    [Fact]
    public void Limit_AtAndBeyondFullconn_IsMaxconn()
    {
        Assert.Equal(10, MinconnFloor.Limit(100, 1, 10, 100));
        Assert.Equal(10, MinconnFloor.Limit(101, 1, 10, 100));
        Assert.Equal(9, MinconnFloor.Limit(99, 1, 10, 100));
    }

    [Fact]
    public void Limit_MinconnEqualsMaxconn_IsStatic()
    {
        Assert.Equal(10, MinconnFloor.Limit(0, 10, 10, 100));
    }

    [Theory]
    [InlineData(0, 10, 100)]
    [InlineData(10, 10, 100)]
    [InlineData(1, 10, 0)]
    public void SessionsToLeaveFloor_NoDynamicRange_Throws(int minconn, int maxconn, int fullconn)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MinconnFloor.SessionsToLeaveFloor(minconn, maxconn, fullconn));
    }
}
