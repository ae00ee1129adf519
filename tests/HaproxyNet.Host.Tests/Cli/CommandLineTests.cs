using HaproxyNet.Host.Cli;

namespace HaproxyNet.Host.Tests.Cli;

public class CommandLineTests
{
    private static CommandLineResult Parse(params string[] args) => CommandLine.Parse(args);

    private static CommandLineOptions Run(params string[] args)
    {
        var result = Parse(args);
        Assert.Equal(CommandLineOutcome.Run, result.Outcome);
        return result.Options;
    }

    [Fact]
    public void Parse_NoArguments_Usage() => Assert.Equal(CommandLineOutcome.Usage, Parse().Outcome);

    [Fact]
    public void Parse_SingleFile_RunsWithThatFile()
    {
        var options = Run("-f", "a.cfg");
        Assert.Equal(["a.cfg"], options.ConfigFiles);
        Assert.Equal(ArgMode.None, options.Mode);
        Assert.Equal(2000, options.MaxPConn);
        Assert.Equal(0, options.MaxConn);
        Assert.Null(options.PidFile);
        Assert.Equal(OldPidsSignal.None, options.OldPidsSignal);
    }

    [Fact]
    public void Parse_RepeatedFiles_KeptInOrder() =>
        Assert.Equal(["b.cfg", "a.cfg", "b.cfg"], Run("-f", "b.cfg", "-f", "a.cfg", "-f", "b.cfg").ConfigFiles);

    [Fact]
    public void Parse_TextGluedToValueFlag_IgnoredAndNextWordTaken() =>
        Assert.Equal(["next.cfg"], Run("-fhaproxy.cfg", "next.cfg").ConfigFiles);

    [Fact]
    public void Parse_FileValueStartingWithDash_TakenAsValue() =>
        Assert.Equal(["-c"], Run("-f", "-c").ConfigFiles);

    [Fact]
    public void Parse_ModeFlagsWithoutFile_Usage() => Assert.Equal(CommandLineOutcome.Usage, Parse("-c", "-q", "-V").Outcome);

    [Theory]
    [InlineData("-v", CommandLineOutcome.Version)]
    [InlineData("-vx", CommandLineOutcome.Version)]
    [InlineData("-vv", CommandLineOutcome.VersionAndBuild)]
    [InlineData("-vvv", CommandLineOutcome.VersionAndBuild)]
    [InlineData("-vverbose", CommandLineOutcome.VersionAndBuild)]
    public void Parse_VersionFlag_VersionOutcome(string flag, CommandLineOutcome expected) =>
        Assert.Equal(expected, Parse(flag).Outcome);

    [Fact]
    public void Parse_VersionBeforeBadWords_LaterWordsNeverRead() =>
        Assert.Equal(CommandLineOutcome.Version, Parse("-f", "a.cfg", "-v", "junk", "-x").Outcome);

    [Fact]
    public void Parse_BadWordBeforeVersion_Usage() => Assert.Equal(CommandLineOutcome.Usage, Parse("junk", "-v").Outcome);

    [Fact]
    public void Parse_VersionAsValueOfUnknownFlag_Usage() => Assert.Equal(CommandLineOutcome.Usage, Parse("-x", "-v").Outcome);

    [Fact]
    public void Parse_VersionAsValueOfFileFlag_IsAFileName() => Assert.Equal(["-v"], Run("-f", "-v").ConfigFiles);

    [Fact]
    public void Parse_CapitalV_VerboseNotVersion() => Assert.Equal(ArgMode.Verbose, Run("-V", "-f", "a").Mode);

    [Theory]
    [InlineData("-de", DisabledPollers.Epoll)]
    [InlineData("-deX", DisabledPollers.Epoll)]
    [InlineData("-ds", DisabledPollers.SpeculativeEpoll)]
    [InlineData("-dsomething", DisabledPollers.SpeculativeEpoll)]
    [InlineData("-dp", DisabledPollers.Poll)]
    public void Parse_PollerFlag_DisablesPollerWithoutDebug(string flag, DisabledPollers expected)
    {
        var options = Run(flag, "-f", "a");
        Assert.Equal(expected, options.DisabledPollers);
        Assert.Equal(ArgMode.None, options.Mode);
    }

    [Fact]
    public void Parse_DebugSpelledOut_ReadAsDisableEpollNotDebug()
    {
        // Only the second letter counts: "-debug" is "-de".
        var options = Run("-debug", "-f", "a");
        Assert.Equal(DisabledPollers.Epoll, options.DisabledPollers);
        Assert.Equal(ArgMode.None, options.Mode);
    }

    [Fact]
    public void Parse_AllPollerFlags_Accumulate() =>
        Assert.Equal(DisabledPollers.Epoll | DisabledPollers.SpeculativeEpoll | DisabledPollers.Poll, Run("-dp", "-de", "-ds", "-f", "a").DisabledPollers);

    [Theory]
    [InlineData("-d")]
    [InlineData("-dk")]
    [InlineData("-dS")]
    [InlineData("-dM")]
    [InlineData("-dV")]
    [InlineData("-dx")]
    [InlineData("-dB")]
    public void Parse_DebugFamily_DebugMode(string flag)
    {
        var options = Run(flag, "-f", "a");
        Assert.Equal(ArgMode.Debug, options.Mode);
        Assert.Equal(DisabledPollers.None, options.DisabledPollers);
    }

    [Theory]
    [InlineData("-db")]
    [InlineData("-dbx")]
    public void Parse_Db_ForegroundWithoutDebug(string flag) => Assert.Equal(ArgMode.Foreground, Run(flag, "-f", "a").Mode);

    [Theory]
    [InlineData("-c", ArgMode.Check)]
    [InlineData("-check", ArgMode.Check)]
    [InlineData("-D", ArgMode.Daemon)]
    [InlineData("-Ds", ArgMode.Daemon)]
    [InlineData("-q", ArgMode.Quiet)]
    [InlineData("-quiet", ArgMode.Quiet)]
    [InlineData("-V", ArgMode.Verbose)]
    public void Parse_ModeFlag_SetsMode(string flag, ArgMode expected) => Assert.Equal(expected, Run(flag, "-f", "a").Mode);

    [Fact]
    public void Parse_DaemonFlag_DoesNotImplyQuiet() => Assert.Equal(ArgMode.Daemon, Run("-D", "-f", "a").Mode);

    [Fact]
    public void Parse_ModesCombined_AllKept() =>
        Assert.Equal(ArgMode.Check | ArgMode.Quiet | ArgMode.Verbose | ArgMode.Debug | ArgMode.Foreground | ArgMode.Daemon,
            Run("-c", "-q", "-V", "-d", "-db", "-D", "-f", "a").Mode);

    [Fact]
    public void Parse_CheckFlagIsAFlag_ModesRepeatable() => Assert.True(Run("-c", "-c", "-f", "a").IsCheck);

    [Fact]
    public void Parse_SfWithPids_FinishWithPidsInOrder()
    {
        var options = Run("-f", "a", "-sf", "12", "7");
        Assert.Equal(OldPidsSignal.Finish, options.OldPidsSignal);
        Assert.Equal([12, 7], options.OldPids);
    }

    [Fact]
    public void Parse_StWithPid_Terminate()
    {
        var options = Run("-f", "a", "-st", "1");
        Assert.Equal(OldPidsSignal.Terminate, options.OldPidsSignal);
        Assert.Equal([1], options.OldPids);
    }

    [Fact]
    public void Parse_SfWithoutPid_Accepted()
    {
        var options = Run("-f", "a", "-sf");
        Assert.Equal(OldPidsSignal.Finish, options.OldPidsSignal);
        Assert.Empty(options.OldPids);
    }

    [Fact]
    public void Parse_SfGluedText_StillPidList() => Assert.Equal(OldPidsSignal.Terminate, Run("-f", "a", "-stop", "3").OldPidsSignal);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("-f")]
    public void Parse_SfNonPositivePid_Usage(string pid) => Assert.Equal(CommandLineOutcome.Usage, Parse("-f", "a", "-sf", "1", pid).Outcome);

    [Fact]
    public void Parse_SfSwallowsLaterOptions_Usage() => Assert.Equal(CommandLineOutcome.Usage, Parse("-sf", "12", "-f", "a").Outcome);

    [Fact]
    public void Parse_SfBeforeAnyFile_UsageForMissingFile() => Assert.Equal(CommandLineOutcome.Usage, Parse("-sf", "12").Outcome);

    [Theory]
    [InlineData("12abc", 12)]
    [InlineData(" 5", 5)]
    [InlineData("+8", 8)]
    [InlineData("4294967297", 1)]
    public void Parse_SfPidText_ReadLikeAtolIntoInt(string text, int pid) => Assert.Equal([pid], Run("-f", "a", "-sf", text).OldPids);

    [Fact]
    public void Parse_SfPidTruncatingToNegativeInt_Usage() => Assert.Equal(CommandLineOutcome.Usage, Parse("-f", "a", "-sf", "2147483648").Outcome);

    [Theory]
    [InlineData("-s")]
    [InlineData("-sx")]
    [InlineData("-l")]
    [InlineData("-L")]
    [InlineData("-x")]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("-F")]
    [InlineData("-P")]
    public void Parse_UnknownValueLetter_UsageAfterConsumingValue(string flag)
    {
        Assert.Equal(CommandLineOutcome.Usage, Parse("-f", "a", flag, "value").Outcome);
        Assert.Equal(CommandLineOutcome.Usage, Parse("-f", "a", flag).Outcome);
    }

    [Theory]
    [InlineData("-f")]
    [InlineData("-n")]
    [InlineData("-N")]
    [InlineData("-m")]
    [InlineData("-p")]
    public void Parse_ValueOptionWithoutValue_Usage(string flag) => Assert.Equal(CommandLineOutcome.Usage, Parse("-f", "a", flag).Outcome);

    [Theory]
    [InlineData("extra")]
    [InlineData("")]
    [InlineData("a.cfg")]
    [InlineData("+f")]
    public void Parse_WordWithoutDash_Usage(string word) => Assert.Equal(CommandLineOutcome.Usage, Parse("-c", "-f", "a.cfg", word).Outcome);

    [Fact]
    public void Parse_NumericOptions_ReadWithAtol()
    {
        var options = Run("-n", "100", "-N", "50x", "-m", " 64", "-f", "a");
        Assert.Equal(100, options.MaxConn);
        Assert.Equal(50, options.MaxPConn);
        Assert.Equal(64, options.MemMaxMegabytes);
    }

    [Theory]
    [InlineData("abc", 0)]
    [InlineData("-3", -3)]
    [InlineData("2147483647", 2147483647)]
    [InlineData("2147483648", -2147483648)]
    [InlineData("4294967296", 0)]
    public void Parse_MaxconnValue_TruncatedToInt(string text, int expected) => Assert.Equal(expected, Run("-n", text, "-f", "a").MaxConn);

    [Fact]
    public void Parse_RepeatedNumericOption_LastWins() => Assert.Equal(7, Run("-N", "5", "-N", "7", "-f", "a").MaxPConn);

    [Fact]
    public void Parse_PidFile_Kept() => Assert.Equal("/run/x.pid", Run("-p", "/run/x.pid", "-f", "a").PidFile);

    [Fact]
    public void Parse_UsageAfterN_CarriesNValueForUsageText()
    {
        var result = Parse("-N", "123", "-x", "y");
        Assert.Equal(CommandLineOutcome.Usage, result.Outcome);
        Assert.Equal(123, result.Options.MaxPConn);
    }

    [Fact]
    public void Parse_UsageBeforeN_DefaultNValue()
    {
        var result = Parse("-x", "y", "-N", "123");
        Assert.Equal(CommandLineOutcome.Usage, result.Outcome);
        Assert.Equal(2000, result.Options.MaxPConn);
    }

    [Fact]
    public void Parse_MissingFileAfterN_UsageCarriesNValue() => Assert.Equal(9, Parse("-N", "9").Options.MaxPConn);
}
