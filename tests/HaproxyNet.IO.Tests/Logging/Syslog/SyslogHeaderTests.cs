using HaproxyNet.Logging.Syslog;

namespace HaproxyNet.IO.Tests.Logging.Syslog;

public sealed class SyslogHeaderTests
{
    private static string HeaderAt(DateTimeOffset utc, SyslogOptions options, TimeZoneInfo? zone = null) =>
        new SyslogHeader(new FixedTimeProvider(utc, zone), options).Current().ToString();

    [Fact]
    public void Current_SingleDigitDay_IsSpacePadded()
    {
        var text = HeaderAt(new DateTimeOffset(2026, 11, 4, 9, 5, 7, TimeSpan.Zero), new SyslogOptions(Pid: 12786));
        Assert.Equal("Nov  4 09:05:07 haproxynet[12786]: ", text);
    }

    [Fact]
    public void Current_TwoDigitDay_IsNotPadded()
    {
        var text = HeaderAt(new DateTimeOffset(2026, 11, 24, 14, 32, 53, TimeSpan.Zero), new SyslogOptions("haproxy", Pid: 12786));
        Assert.Equal("Nov 24 14:32:53 haproxy[12786]: ", text);
    }

    [Theory]
    [InlineData(1, "Jan")]
    [InlineData(2, "Feb")]
    [InlineData(3, "Mar")]
    [InlineData(4, "Apr")]
    [InlineData(5, "May")]
    [InlineData(6, "Jun")]
    [InlineData(7, "Jul")]
    [InlineData(8, "Aug")]
    [InlineData(9, "Sep")]
    [InlineData(10, "Oct")]
    [InlineData(11, "Nov")]
    [InlineData(12, "Dec")]
    public void Current_EachMonth_UsesItsThreeLetterName(int month, string name)
    {
        var text = HeaderAt(new DateTimeOffset(2026, month, 10, 0, 0, 0, TimeSpan.Zero), new SyslogOptions(Pid: 1));
        Assert.Equal(name + " 10 00:00:00 haproxynet[1]: ", text);
    }

    [Fact]
    public void Current_ProviderZoneAheadOfUtc_PrintsLocalTimeOfNextDay()
    {
        var text = HeaderAt(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), new SyslogOptions(Pid: 7), FixedTimeProvider.Zone(2));
        Assert.Equal("Jan  1 01:30:00 haproxynet[7]: ", text);
    }

    [Fact]
    public void Current_Hostname_PrecedesTagWithOneSpace()
    {
        var text = HeaderAt(new DateTimeOffset(2026, 11, 24, 14, 32, 53, TimeSpan.Zero), new SyslogOptions("haproxy", "lb1", 5));
        Assert.Equal("Nov 24 14:32:53 lb1 haproxy[5]: ", text);
    }

    [Fact]
    public void SystemHostName_MatchesTheKernelHostName()
    {
        var expected = File.Exists("/proc/sys/kernel/hostname")
            ? File.ReadAllText("/proc/sys/kernel/hostname").TrimEnd('\n')
            : System.Net.Dns.GetHostName();
        Assert.Equal(expected, SyslogOptions.SystemHostName());
    }

    [Fact]
    public void Current_NoPidGiven_UsesThisProcessId()
    {
        var text = HeaderAt(new DateTimeOffset(2026, 11, 24, 14, 32, 53, TimeSpan.Zero), new SyslogOptions());
        Assert.EndsWith("haproxynet[" + Environment.ProcessId + "]: ", text);
    }

    [Fact]
    public void Current_WithinAndAcrossASecond_ChangesOnlyAtTheBoundary()
    {
        var clock = new FixedTimeProvider(new DateTimeOffset(2026, 11, 24, 14, 32, 53, TimeSpan.Zero).AddMilliseconds(998));
        var header = new SyslogHeader(clock, new SyslogOptions(Pid: 1));
        Assert.Equal("Nov 24 14:32:53 haproxynet[1]: ", header.Current().ToString());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("Nov 24 14:32:53 haproxynet[1]: ", header.Current().ToString());
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal("Nov 24 14:32:54 haproxynet[1]: ", header.Current().ToString());
    }

    [Theory]
    [InlineData(0, 1019)]
    [InlineData(31, 988)]
    public void MessageRoom_IsWhatTheHeaderLeavesOf1024AfterThePriPlaceholder(int headerLength, int room)
    {
        Assert.Equal(room, SyslogHeader.MessageRoom(headerLength));
    }
}
