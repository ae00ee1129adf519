using HaproxyNet.Logging.Syslog;

namespace HaproxyNet.IO.Tests.Logging.Syslog;

public sealed class SyslogLineTests
{
    private const string Header = "Nov 24 14:32:53 haproxy[12786]: ";

    private static string Line(int facility, int level, string message)
    {
        var buffer = new char[SyslogLine.MaxLength];
        var n = SyslogLine.Format(buffer, facility, level, Header, message);
        return new string(buffer, 0, n);
    }

    [Theory]
    [InlineData(16, 6, "<134>")]
    [InlineData(16, 5, "<133>")]
    [InlineData(16, 3, "<131>")]
    [InlineData(0, 0, "<0>")]
    [InlineData(0, 7, "<7>")]
    [InlineData(1, 2, "<10>")]
    [InlineData(4, 4, "<36>")]
    [InlineData(12, 3, "<99>")]
    [InlineData(23, 7, "<191>")]
    public void Format_FacilityAndLevel_WritesPriAsFacilityTimes8PlusLevel(int facility, int level, string pri)
    {
        Assert.Equal(pri + Header + "Proxy l1 started.\n", Line(facility, level, "Proxy l1 started.\n"));
    }

    [Theory]
    [InlineData(0, 0, 1022)]
    [InlineData(1, 3, 1023)]
    [InlineData(16, 6, 1024)]
    public void Format_MessageExactlyFillingTheRoom_IsSentWhole(int facility, int level, int total)
    {
        var room = SyslogHeader.MessageRoom(Header.Length);
        var message = new string('a', room - 1) + "\n";
        var line = Line(facility, level, message);
        Assert.Equal(total, line.Length);
        Assert.EndsWith("a\n", line);
    }

    [Theory]
    [InlineData(0, 0, 1022)]
    [InlineData(1, 3, 1023)]
    [InlineData(16, 6, 1024)]
    public void Format_MessageOneByteTooLong_KeepsRoomMinusOneBytesThenLf(int facility, int level, int total)
    {
        var room = SyslogHeader.MessageRoom(Header.Length);
        var message = new string('a', room - 1) + "b\n";
        var line = Line(facility, level, message);
        Assert.Equal(total, line.Length);
        Assert.EndsWith("aa\n", line);
        Assert.DoesNotContain('b', line);
    }

    [Fact]
    public void Format_VeryLongMessage_IsCutAtTheSameLength()
    {
        var line = Line(16, 6, new string('x', 5000) + "\n");
        Assert.Equal(SyslogLine.MaxLength, line.Length);
        Assert.Equal('\n', line[^1]);
        Assert.Equal('x', line[^2]);
    }

    [Fact]
    public void Format_MessageWithoutLf_LastCharacterBecomesLf()
    {
        Assert.Equal("<134>" + Header + "no newlin\n", Line(16, 6, "no newline"));
    }

    [Fact]
    public void Format_EmptyMessage_HeaderFinalSpaceBecomesLf()
    {
        Assert.Equal("<134>Nov 24 14:32:53 haproxy[12786]:\n", Line(16, 6, string.Empty));
    }

    [Fact]
    public void Format_MessageOneShortOfTheRoom_IsSentWhole()
    {
        var room = SyslogHeader.MessageRoom(Header.Length);
        var message = new string('a', room - 2) + "\n";
        Assert.Equal("<134>" + Header + message, Line(16, 6, message));
    }
}
