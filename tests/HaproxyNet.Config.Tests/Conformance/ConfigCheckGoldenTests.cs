using HaproxyNet.Config;
using HaproxyNet.Testing;
using HaproxyNet.Testing.Config;

namespace HaproxyNet.Config.Tests.Conformance;

/// <summary>Every recorded <c>haproxy -c -f X.cfg</c> of testdata/config-check, compared byte for byte.</summary>
public class ConfigCheckGoldenTests
{
    private const string Prefix = "DDD/HHMMSS (PID) : ";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var cfg in Directory.GetFiles(TestDataPaths.ConfigCheck, "*.cfg").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(cfg));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_RecordedCase_MatchesExitStdoutAndStderr(string name)
    {
        var expected = System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(TestDataPaths.ConfigCheck, name + ".expected")));
        var sink = new RecordingDiagnosticSink(Prefix);
        var result = ConfigLoader.Load(
            [name + ".cfg"], new ConfigLoadOptions(), new FixedConfigEnvironment(TestDataPaths.ConfigCheck), sink);
        var stdout = result.ExitCode == 0 && !result.Quiet ? "Configuration file is valid\n" : string.Empty;
        var actual = $"exit: {result.ExitCode}\n--- stdout\n{stdout}--- stderr\n{sink.Text}";
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Cases_AllRecordedGoldens_AreFound()
    {
        Assert.Equal(23, Cases().Count);
    }
}
