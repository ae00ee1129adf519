using HaproxyNet.LogDiff.Input;
using HaproxyNet.Testing;

namespace HaproxyNet.Tool.Tests;

public class LogDiffTests
{
    private static string Raw(string golden) => Path.Combine(TestDataPaths.Golden(golden), "raw-1.4.25.log");

    [Theory]
    [InlineData("traditional")]
    [InlineData("rsyslog-iso")]
    [InlineData("journal-short-iso")]
    [InlineData("journal-cat")]
    [InlineData("rfc5424")]
    public void LogDiff_RecordedLogInOperatorForm_EqualToDatagrams(string form)
    {
        using var dir = new Scratch();
        var raw = Raw("seed-incident");
        var text = form switch
        {
            "traditional" => LogForms.Traditional(raw),
            "rsyslog-iso" => LogForms.RsyslogIso(raw),
            "journal-short-iso" => LogForms.JournalShortIso(raw),
            "journal-cat" => LogForms.JournalCat(raw),
            _ => LogForms.Rfc5424(raw),
        };
        var converted = dir.File(form + ".log", text);

        var run = ToolRun.Of("logdiff", raw, converted);

        Assert.True(run.ExitCode == 0, run.Out + run.Err);
        Assert.EndsWith("EQUAL (timers within tolerance)\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("8 sessions", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void SyslogRecordReader_EachForm_RecognisedWithTagPidAndMessage()
    {
        var raw = Raw("tcp-basic");
        var first = File.ReadAllLines(raw)[1];
        var message = first[(first.IndexOf("]: ", StringComparison.Ordinal) + 3)..];
        var forms = new (string Text, SyslogForm Form, int? Pri)[]
        {
            (LogForms.Traditional(raw), SyslogForm.Traditional, null),
            (LogForms.RsyslogIso(raw), SyslogForm.Iso, null),
            (LogForms.JournalShortIso(raw), SyslogForm.Iso, null),
            (LogForms.JournalCat(raw), SyslogForm.MessageOnly, null),
            (LogForms.Rfc5424(raw), SyslogForm.Rfc5424Datagram, 134),
            (File.ReadAllText(raw), SyslogForm.Datagram, 134),
        };
        foreach (var (text, form, pri) in forms)
        {
            var records = SyslogRecordReader.Read(text);
            Assert.Equal(15, records.Count); // 1 start + 12 sessions + 2 stop lines; the journald banner is skipped
            var r = records[1];
            Assert.Equal(form, r.Form);
            Assert.Equal(pri, r.Priority);
            Assert.Equal(message, r.Message);
            if (form != SyslogForm.MessageOnly)
            {
                Assert.Equal(("haproxy", "16482"), (r.Tag, r.Pid));
                Assert.Equal(new DateTime(2000, 11, 24, 15, 0, 1).TimeOfDay, r.Timestamp!.Value.TimeOfDay);
            }
        }
    }

    [Fact]
    public void LogDiff_ChangedField_ReportsSessionAndFieldName()
    {
        using var dir = new Scratch();
        var raw = Raw("seed-incident");
        // The recorded log with rmi1's byte count changed, as rsyslog would store it, under another tag and pid.
        var changed = LogForms.Traditional(raw)
            .Replace("rmi_registry/rmi1 0/0/7002 7 --", "rmi_registry/rmi1 0/0/7002 9 --", StringComparison.Ordinal)
            .Replace("haproxy[15255]", "haproxynet[4242]", StringComparison.Ordinal);
        var b = dir.File("b.log", changed);

        var run = ToolRun.Of("logdiff", raw, b);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("session c1: A 127.0.0.1:48082 accepted 24/Nov/2026:14:59:02.605", run.Out, StringComparison.Ordinal);
        Assert.Contains("- bytes_read: expected '7', actual '9'", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("DIFFERENT: 1 difference(s)\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void LogDiff_Json_GivesSessionFieldAndVerdict()
    {
        using var dir = new Scratch();
        var raw = Raw("seed-incident");
        var b = dir.File("b.log", File.ReadAllText(raw).Replace("5000/-1/5000 0 sQ 6/6/6/0/0 0/2", "5000/-1/5000 0 cQ 6/6/6/0/0 0/2", StringComparison.Ordinal));

        var run = ToolRun.Of("logdiff", "--json", raw, b);

        Assert.Equal(1, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.False(root.GetProperty("equal").GetBoolean());
        var item = Assert.Single(root.GetProperty("items").EnumerateArray().ToList());
        Assert.Equal("c4", item.GetProperty("session").GetString());
        Assert.Equal("termination_state", Assert.Single(item.GetProperty("fields").EnumerateArray().ToList()).GetProperty("field").GetString());
        Assert.Equal("127.0.0.1:48118", item.GetProperty("session_b").GetProperty("client").GetString());
    }

    [Fact]
    public void LogDiff_TimerBeyondTolerance_Different()
    {
        using var dir = new Scratch();
        var raw = Raw("tcp-basic");
        var b = dir.File("b.log", File.ReadAllText(raw).Replace("0/0/0 100 --", "0/0/250 100 --", StringComparison.Ordinal));

        var run = ToolRun.Of("logdiff", raw, b);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("- Tt: expected 0, actual 250 (tolerance 100 ms)", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void LogDiff_MissingFileOrEmptyLog_ExitsTwo()
    {
        using var dir = new Scratch();
        var empty = dir.File("empty.log", "\n");

        Assert.Equal(2, ToolRun.Of("logdiff", Raw("tcp-basic"), Path.Combine(dir.Path, "nope.log")).ExitCode);
        Assert.Equal(2, ToolRun.Of("logdiff", Raw("tcp-basic"), empty).ExitCode);
        Assert.Equal(2, ToolRun.Of("logdiff", Raw("tcp-basic")).ExitCode);
    }

    [Fact]
    public void LogDiff_SimulatedHaproxyNetLog_EqualToRecorded()
    {
        using var dir = new Scratch();
        var ours = Path.Combine(dir.Path, "haproxynet.log");
        var sim = ToolRun.Of("simulate", "-f", Path.Combine(TestDataPaths.Golden("seed-incident"), "haproxy.cfg"), dir.File("load.json", SimulateTests.SeedLoad), "--no-log", "--log", ours);
        Assert.True(sim.ExitCode == 0, sim.Err);

        var run = ToolRun.Of("logdiff", Raw("seed-incident"), ours);

        Assert.True(run.ExitCode == 0, run.Out);
    }
}
