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
    public void Check_SeedFixedSampleWithSwitch_NoQueueTrapOnlyTheMaxconnNotice()
    {
        var outcome = HaproxyNetProcess.RunWithEnvironment(TestDataPaths.Samples, LintOn, "-c", "-f", "seed-fixed.cfg");
        var stderr = Encoding.Latin1.GetString(outcome.Stderr);

        // The full lint (ConfigLint.RunAll, as haproxynet-tool lint): the queue trap is fixed; the listen keeps 1.4's
        // default maxconn 2000 above the global 1000, which the lint names as a notice.
        Assert.Equal(0, outcome.ExitCode);
        Assert.DoesNotContain("dynamic maxconn stays", stderr, StringComparison.Ordinal);
        Assert.Equal(
            "[LINT] parsing [seed-fixed.cfg:27] : listen 'rmi_registry': maxconn=2000 (1.4's default when unset) is above the global maxconn=1000: "
            + "the process stops accepting at 1000 sessions in all, so this limit is never reached; set maxconn in this section to what it may really take.\n",
            stderr);
    }

    [ConfigLoaderFact]
    public void Check_NoTimeoutsWithSwitch_RunsTheFullLintAsTheTool()
    {
        // Valid for 1.4 (warnings only), but two pitfalls of ConfigLint.RunAll beyond ConfigLint.Run: the missing
        // timeouts and a frontend maxconn above the global one.
        var dir = Directory.CreateTempSubdirectory("hnet-lint-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "lint.cfg"), """
                global
                    maxconn 100
                listen app
                    bind 127.0.0.1:8080
                    mode tcp
                    maxconn 500
                    server s1 127.0.0.1:8081
                """);
            var outcome = HaproxyNetProcess.RunWithEnvironment(dir, LintOn, "-c", "-q", "-f", "lint.cfg");
            var stderr = Encoding.Latin1.GetString(outcome.Stderr);

            Assert.Equal(0, outcome.ExitCode);
            Assert.Contains("[LINT] parsing [lint.cfg:3] : listen 'app': no 'timeout client', 'timeout connect', 'timeout server'", stderr, StringComparison.Ordinal);
            Assert.Contains("[LINT] parsing [lint.cfg:3] : listen 'app': maxconn=500 is above the global maxconn=100", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
