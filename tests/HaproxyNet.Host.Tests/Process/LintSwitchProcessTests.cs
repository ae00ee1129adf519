using System.Text;
using HaproxyNet.Host.Startup;
using HaproxyNet.Testing;

namespace HaproxyNet.Host.Tests.Process;

/// <summary>The seed-incident lint on the real binary: silent by default (1.4's exact -c output), named with numbers on demand.</summary>
public sealed class LintSwitchProcessTests
{
    private static readonly Dictionary<string, string> LintOn = new() { [HaproxyMain.LintSwitch] = "1" };

    [ConfigLoaderFact]
    public void Check_SeedIncidentSampleWithoutSwitch_OutputAsHaproxy14()
    {
        var outcome = HaproxyNetProcess.Run(TestDataPaths.Samples, "-c", "-f", "seed-incident.cfg");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("Configuration file is valid\n", Encoding.Latin1.GetString(outcome.Stdout));
        Assert.Empty(outcome.Stderr);
    }

    [ConfigLoaderFact]
    public void Check_SeedIncidentSampleWithSwitch_NamesDynamicMaxconnFloor()
    {
        var outcome = HaproxyNetProcess.RunWithEnvironment(TestDataPaths.Samples, LintOn, "-c", "-f", "seed-incident.cfg");
        var stderr = Encoding.Latin1.GetString(outcome.Stderr);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("Configuration file is valid\n", Encoding.Latin1.GetString(outcome.Stdout));
        Assert.StartsWith("[LINT] parsing [seed-incident.cfg:", stderr, StringComparison.Ordinal);
        Assert.Contains("dynamic maxconn stays at minconn=1 until the backend holds 20 sessions", stderr, StringComparison.Ordinal);
    }

    [ConfigLoaderFact]
    public void Check_SeedFixedSampleWithSwitch_NoFinding()
    {
        var outcome = HaproxyNetProcess.RunWithEnvironment(TestDataPaths.Samples, LintOn, "-c", "-f", "seed-fixed.cfg");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Empty(outcome.Stderr);
    }
}
