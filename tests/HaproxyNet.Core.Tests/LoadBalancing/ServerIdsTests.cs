using HaproxyNet.Core.LoadBalancing;

namespace HaproxyNet.Core.Tests.LoadBalancing;

public class ServerIdsTests
{
    [Theory]
    [InlineData(new[] { 0, 0, 0 }, new[] { 1, 2, 3 })]
    [InlineData(new[] { 3, 0, 0 }, new[] { 3, 2, 4 })]
    [InlineData(new[] { 0, 1 }, new[] { 2, 1 })]
    [InlineData(new[] { 0, 1, 0 }, new[] { 2, 1, 4 })]
    [InlineData(new[] { 10, 0 }, new[] { 10, 2 })]
    // The cursor jumps to the id just taken (4), then +1 for each following server: the last one gets 7, not 5.
    [InlineData(new[] { 0, 0, 2, 3, 0 }, new[] { 1, 4, 2, 3, 7 })]
    [InlineData(new int[0], new int[0])]
    public void AssignPuids_ExplicitAndAutomatic_FollowsCursorRule(int[] explicitIds, int[] expected)
    {
        var puids = new int[explicitIds.Length];

        ServerIds.AssignPuids(explicitIds, puids);

        Assert.Equal(expected, puids);
    }

    [Fact]
    public void AssignPuids_LengthMismatch_Throws()
    {
        Assert.Throws<ArgumentException>(() => ServerIds.AssignPuids(new int[2], new int[1]));
    }
}
