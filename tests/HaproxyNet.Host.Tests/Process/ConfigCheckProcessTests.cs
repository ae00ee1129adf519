using System.Text;
using HaproxyNet.Testing;

namespace HaproxyNet.Host.Tests.Process;

/// <summary><c>haproxynet -c -f NAME.cfg</c> against the recorded 1.4.25 verdicts, as <c>logcompare configcheck</c> runs it.</summary>
public class ConfigCheckProcessTests
{
    public static TheoryData<string> Cases() => new(CaseNames());

    public static TheoryData<string> Samples() => new(SampleFiles());

    private static string[] CaseNames() =>
        Directory.GetFiles(TestDataPaths.ConfigCheck, "*.cfg").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToArray()!;

    private static string[] SampleFiles() =>
        Directory.GetFiles(TestDataPaths.Samples, "*.cfg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public void Cases_RecordedFolder_AllHaveExpectedFiles()
    {
        var names = CaseNames();
        Assert.True(names.Length >= 23, "config-check cases found: " + names.Length);
        foreach (var name in names)
        {
            Assert.True(File.Exists(Path.Combine(TestDataPaths.ConfigCheck, name + ".expected")), name);
        }
    }

    [ConfigLoaderTheory]
    [MemberData(nameof(Cases))]
    public void Check_RecordedCase_MatchesRecorded1425Output(string name)
    {
        var expected = File.ReadAllText(Path.Combine(TestDataPaths.ConfigCheck, name + ".expected"), Encoding.UTF8);
        var outcome = HaproxyNetProcess.Run(TestDataPaths.ConfigCheck, "-c", "-f", name + ".cfg");
        Assert.Equal(expected, ConfigCheckNormalizer.Format(outcome));
    }

    [Fact]
    public void Samples_Folder_HasTheFiveSamples()
    {
        var names = SampleFiles();
        Assert.Contains("http-switching.cfg", names);
        Assert.Contains("minimal.cfg", names);
        Assert.Contains("tcp-demo.cfg", names);
        Assert.Contains("seed-incident.cfg", names);
        Assert.Contains("seed-fixed.cfg", names);
    }

    [ConfigLoaderTheory]
    [MemberData(nameof(Samples))]
    public void Check_Sample_ValidWithoutAnyMessage(string file)
    {
        var outcome = HaproxyNetProcess.Run(TestDataPaths.Samples, "-c", "-f", file);
        Assert.Equal("exit: 0\n--- stdout\nConfiguration file is valid\n--- stderr\n", ConfigCheckNormalizer.Format(outcome));
    }

    [ConfigLoaderFact]
    public void Check_QuietFlag_NoSuccessLine()
    {
        var outcome = HaproxyNetProcess.Run(TestDataPaths.ConfigCheck, "-q", "-c", "-f", "valid-minimal.cfg");
        Assert.Equal("exit: 0\n--- stdout\n--- stderr\n", ConfigCheckNormalizer.Format(outcome));
    }

    [ConfigLoaderFact]
    public void Check_QuietAndVerbose_SuccessLineShown()
    {
        var outcome = HaproxyNetProcess.Run(TestDataPaths.ConfigCheck, "-q", "-V", "-c", "-f", "valid-minimal.cfg");
        Assert.Equal("exit: 0\n--- stdout\nConfiguration file is valid\n--- stderr\n", ConfigCheckNormalizer.Format(outcome));
    }

    [ConfigLoaderFact]
    public void Check_MissingFile_AlertAndExitOne()
    {
        var outcome = HaproxyNetProcess.Run(TestDataPaths.ConfigCheck, "-c", "-f", "no-such-file.cfg");
        Assert.Equal(
            "exit: 1\n--- stdout\n--- stderr\n[ALERT] DDD/HHMMSS (PID) : Could not open configuration file no-such-file.cfg : No such file or directory\n",
            ConfigCheckNormalizer.Format(outcome));
    }
}
