using System.Text;

namespace HaproxyNet.Host.Tests.Process;

public class ConfigCheckNormalizerTests
{
    private static ProcessOutcome Outcome(string stderr, int pid = 4242, int? exit = 1) =>
        new(exit, [], Encoding.Latin1.GetBytes(stderr), pid, [327]);

    [Fact]
    public void Format_MatchingDayAndPid_Normalised() =>
        Assert.Equal("exit: 1\n--- stdout\n--- stderr\n[ALERT] DDD/HHMMSS (PID) : x\n[WARNING] DDD/HHMMSS (PID) : y\n",
            ConfigCheckNormalizer.Format(Outcome("[ALERT] 327/120000 (4242) : x\n[WARNING] 327/235959 (4242) : y\n")));

    [Fact]
    public void Format_OtherDay_BadDayKept() =>
        Assert.Contains("[ALERT] BAD_DAY(326)/HHMMSS (PID) : ", ConfigCheckNormalizer.Format(Outcome("[ALERT] 326/120000 (4242) : x\n")), StringComparison.Ordinal);

    [Fact]
    public void Format_OtherPid_OtherPidKept() =>
        Assert.Contains("(OTHER_PID(1)) : ", ConfigCheckNormalizer.Format(Outcome("[ALERT] 327/120000 (1) : x\n")), StringComparison.Ordinal);

    [Fact]
    public void Format_PrefixNotAtLineStart_Untouched() =>
        Assert.Contains(" [ALERT] 327/120000 (4242) : x", ConfigCheckNormalizer.Format(Outcome(" [ALERT] 327/120000 (4242) : x\n")), StringComparison.Ordinal);

    [Fact]
    public void Format_Timeout_ExitTimeout() =>
        Assert.StartsWith("exit: timeout\n", ConfigCheckNormalizer.Format(Outcome("", exit: null)), StringComparison.Ordinal);

    [Fact]
    public void DecodeBackslashReplace_InvalidUtf8_HexEscapes() =>
        Assert.Equal("a\\xe9b\u00e9\\xff", ConfigCheckNormalizer.DecodeBackslashReplace([(byte)'a', 0xE9, (byte)'b', 0xC3, 0xA9, 0xFF]));
}
