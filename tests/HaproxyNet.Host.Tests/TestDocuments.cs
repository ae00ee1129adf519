using HaproxyNet.Config;
using HaproxyNet.Config.Model;
using HaproxyNet.Host.Platform;
using HaproxyNet.Testing;

namespace HaproxyNet.Host.Tests;

/// <summary>Real configuration models, loaded from the recorded config-check cases.</summary>
internal static class TestDocuments
{
    public static ConfigDocument ValidMinimal()
    {
        var result = ConfigLoader.Load(
            [Path.Combine(TestDataPaths.ConfigCheck, "valid-minimal.cfg")], new ConfigLoadOptions(), new SystemConfigEnvironment(), new CapturingSink());
        return result.Document ?? throw new InvalidOperationException("valid-minimal.cfg did not load");
    }
}
