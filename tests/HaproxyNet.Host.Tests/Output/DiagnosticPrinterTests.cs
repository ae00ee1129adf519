using System.Text;
using HaproxyNet.Host.Output;

namespace HaproxyNet.Host.Tests.Output;

public class DiagnosticPrinterTests
{
    private static string Print(DateTimeOffset utc, TimeSpan offset, int pid, Action<DiagnosticPrinter> action)
    {
        using var stream = new MemoryStream();
        var printer = new DiagnosticPrinter(stream, new FixedTimeProvider(utc, offset), pid);
        action(printer);
        return Encoding.Latin1.GetString(stream.ToArray());
    }

    [Fact]
    public void Alert_Text_PrefixedWithDayTimeAndPid()
    {
        var text = Print(new DateTimeOffset(2026, 11, 24, 14, 32, 0, TimeSpan.Zero), TimeSpan.Zero, 11022,
            p => p.Alert("parsing [a.cfg:7] : bad.\n"));
        Assert.Equal("[ALERT] 327/143200 (11022) : parsing [a.cfg:7] : bad.\n", text);
    }

    [Fact]
    public void Warning_Text_WarningTag()
    {
        var text = Print(new DateTimeOffset(2026, 11, 24, 14, 32, 0, TimeSpan.Zero), TimeSpan.Zero, 5, p => p.Warning("x\n"));
        Assert.Equal("[WARNING] 327/143200 (5) : x\n", text);
    }

    [Fact]
    public void Alert_FirstOfJanuary_DayZeroPaddedToThreeDigits()
    {
        var text = Print(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.Zero, 1, p => p.Alert("x\n"));
        Assert.StartsWith("[ALERT] 000/000000 (1) : ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Alert_SecondOfJanuary_DayOne()
    {
        var text = Print(new DateTimeOffset(2026, 1, 2, 9, 5, 7, TimeSpan.Zero), TimeSpan.Zero, 1, p => p.Alert("x\n"));
        Assert.StartsWith("[ALERT] 001/090507 (1) : ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2026, "364")]
    [InlineData(2024, "365")]
    public void Alert_LastDayOfYear_DayDependsOnLeapYear(int year, string day)
    {
        var text = Print(new DateTimeOffset(year, 12, 31, 23, 59, 59, TimeSpan.Zero), TimeSpan.Zero, 1, p => p.Alert("x\n"));
        Assert.StartsWith("[ALERT] " + day + "/235959 (1) : ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Alert_LocalZoneAheadOfUtc_UsesLocalDayAndTime()
    {
        // 23:30 UTC on 31 Dec is 00:30 on 1 Jan at UTC+1: day 000, not 364.
        var text = Print(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), TimeSpan.FromHours(1), 1, p => p.Alert("x\n"));
        Assert.StartsWith("[ALERT] 000/003000 (1) : ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Alert_LocalZoneBehindUtc_UsesLocalDayAndTime()
    {
        var text = Print(new DateTimeOffset(2026, 1, 1, 0, 30, 0, TimeSpan.Zero), TimeSpan.FromHours(-1), 1, p => p.Alert("x\n"));
        Assert.StartsWith("[ALERT] 364/233000 (1) : ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Alert_MultiLineText_ContinuationLinesWithoutPrefix()
    {
        var text = Print(new DateTimeOffset(2026, 11, 24, 1, 2, 3, TimeSpan.Zero), TimeSpan.Zero, 9,
            p => p.Warning("missing timeouts.\n   | line two\n   | line three\n"));
        Assert.Equal("[WARNING] 327/010203 (9) : missing timeouts.\n   | line two\n   | line three\n", text);
    }

    [Fact]
    public void Alert_TextWithoutNewline_NothingAdded()
    {
        var text = Print(new DateTimeOffset(2026, 11, 24, 1, 2, 3, TimeSpan.Zero), TimeSpan.Zero, 9, p => p.Alert("no newline"));
        Assert.EndsWith(": no newline", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Alert_TwoMessages_EachPrefixedInOrder()
    {
        var text = Print(new DateTimeOffset(2026, 11, 24, 1, 2, 3, TimeSpan.Zero), TimeSpan.Zero, 9, p =>
        {
            p.Alert("a\n");
            p.Warning("b\n");
        });
        Assert.Equal("[ALERT] 327/010203 (9) : a\n[WARNING] 327/010203 (9) : b\n", text);
    }

    [Fact]
    public void Alert_ByteStringText_WrittenByteForByte()
    {
        using var stream = new MemoryStream();
        var printer = new DiagnosticPrinter(stream, new FixedTimeProvider(DateTimeOffset.UnixEpoch, TimeSpan.Zero), 1);
        printer.Alert("\u00e9\u00ff\u0001\n");
        var bytes = stream.ToArray();
        Assert.Equal(new byte[] { 0xE9, 0xFF, 0x01, (byte)'\n' }, bytes[^4..]);
    }

    [Fact]
    public void Alert_EachMessage_FlushedOnce()
    {
        using var stream = new FlushCountingStream();
        var printer = new DiagnosticPrinter(stream, TimeProvider.System, 1);
        printer.Alert("a\n");
        Assert.Equal(1, stream.Flushes);
        printer.Warning("b\n");
        Assert.Equal(2, stream.Flushes);
    }

    [Theory]
    [InlineData(0, "(0)")]
    [InlineData(4194304, "(4194304)")]
    public void FormatPrefix_Pid_PrintedInDecimalWithoutPadding(int pid, string expected) =>
        Assert.Contains(expected, DiagnosticPrinter.FormatPrefix("[ALERT] ", DateTimeOffset.UnixEpoch, pid), StringComparison.Ordinal);

    [Fact]
    public void Alert_StreamFailing_NoException()
    {
        var printer = new DiagnosticPrinter(new FailingStream(), TimeProvider.System, 1);
        printer.Alert("lost\n");
        printer.Warning("lost\n");
    }

    private sealed class FailingStream : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new IOException("Broken pipe");

        public override void Write(byte[] buffer, int offset, int count) => throw new IOException("Broken pipe");
    }

    private sealed class FlushCountingStream : MemoryStream
    {
        public int Flushes { get; private set; }

        public override void Flush()
        {
            Flushes++;
            base.Flush();
        }
    }
}
