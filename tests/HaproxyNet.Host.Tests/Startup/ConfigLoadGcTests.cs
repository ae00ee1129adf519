using System.Runtime;
using HaproxyNet.Host.Startup;

namespace HaproxyNet.Host.Tests.Startup;

/// <summary>The no-GC region around the configuration read: in force while reading, gone afterwards.</summary>
[Collection(ConfigLoadGcCollection.Name)]
public sealed class ConfigLoadGcTests
{
    [Fact]
    public void BeginEnd_AllocationsInside_NoCollectionAndNormalModeAfter()
    {
        var started = ConfigLoadGc.Begin();
        Assert.True(started);
        Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        var gen0 = GC.CollectionCount(0); // starting the region may collect once

        // What a large configuration allocates (a few MB of small objects that live on) runs without a collection.
        var keep = new List<string>();
        for (var i = 0; i < 100_000; i++)
        {
            keep.Add(new string('x', 16));
        }

        Assert.Equal(gen0, GC.CollectionCount(0));
        ConfigLoadGc.End(started);

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Assert.Equal(100_000, keep.Count);
    }

    [Fact]
    public void End_NotStarted_LeavesModeAlone()
    {
        var before = GCSettings.LatencyMode;
        ConfigLoadGc.End(started: false);
        Assert.Equal(before, GCSettings.LatencyMode);
    }
}

/// <summary>The GC mode is process-wide: these tests do not run beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConfigLoadGcCollection
{
    public const string Name = "ConfigLoadGc";
}
