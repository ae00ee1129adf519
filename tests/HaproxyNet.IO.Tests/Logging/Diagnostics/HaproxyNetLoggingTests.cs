using HaproxyNet.Core.Logging;
using HaproxyNet.Logging.Diagnostics;
using HaproxyNet.Logging.Syslog;

namespace HaproxyNet.IO.Tests.Logging.Diagnostics;

public sealed class HaproxyNetLoggingTests
{
    private static readonly DateTimeOffset Date = new(2026, 11, 24, 14, 32, 53, TimeSpan.Zero);

    [Fact]
    public void CreateFactory_ConfigFileWithFileTarget_FileGetsTheSameLineAsTheDatagram()
    {
        var dir = Directory.CreateTempSubdirectory("hn-nlog-");
        var logFile = Path.Combine(dir.FullName, "syslog.log");
        var configFile = Path.Combine(dir.FullName, "nlog.config");
        File.WriteAllText(configFile, """
            <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <targets>
                <target name="file" xsi:type="File" fileName="LOGFILE" layout="${message}" lineEnding="LF" keepFileOpen="false" />
              </targets>
              <rules>
                <logger name="HaproxyNet.Syslog" minlevel="Trace" writeTo="file" />
              </rules>
            </nlog>
            """.Replace("LOGFILE", logFile, StringComparison.Ordinal));
        using var syslogd = new SyslogReceiver();
        var factory = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions(configFile));
        try
        {
            var sink = new SyslogLogSink(factory, new FixedTimeProvider(Date), new SyslogOptions("haproxy", Pid: 12786));
            sink.Send(new LogTarget(syslogd.EndPoint, null, 16), 6, "Connect from 127.0.0.1:44738 to 127.0.0.1:18000 (t1/TCP)\n");
            var datagram = syslogd.Receive();
            factory.Flush();
            factory.Shutdown();

            Assert.Equal("<134>Nov 24 14:32:53 haproxy[12786]: Connect from 127.0.0.1:44738 to 127.0.0.1:18000 (t1/TCP)\n", datagram);
            Assert.Equal(datagram, File.ReadAllText(logFile));
        }
        finally
        {
            factory.Shutdown();
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void CreateFactory_MissingConfigFile_StillSendsSyslog()
    {
        using var syslogd = new SyslogReceiver();
        var factory = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions("/nonexistent-hn/nlog.config"));
        try
        {
            var sink = new SyslogLogSink(factory, new FixedTimeProvider(Date), new SyslogOptions("haproxy", Pid: 1));
            sink.Send(new LogTarget(syslogd.EndPoint, null, 16), 6, "x\n");
            Assert.Equal("<134>Nov 24 14:32:53 haproxy[1]: x\n", syslogd.Receive());
        }
        finally
        {
            factory.Shutdown();
        }
    }

    [Fact]
    public void CreateFactory_Default_RegistersTheSyslogTargetOnce()
    {
        var factory = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions());
        try
        {
            var target = HaproxyNetLogging.SyslogTarget(factory);
            Assert.NotNull(target);
            Assert.Single(factory.Configuration!.AllTargets, t => t is HaproxyNet.Logging.Targets.SyslogUdpTarget);
        }
        finally
        {
            factory.Shutdown();
        }
    }

    [Theory]
    [InlineData("Warn", false, true)]
    [InlineData("Info", true, true)]
    [InlineData("Error", false, false)]
    public void CreateFactory_NoConfigFile_DiagnosticsFollowTheMinimumLevel(string minLevel, bool info, bool warn)
    {
        var factory = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions(DiagnosticsMinLevel: minLevel));
        try
        {
            var logger = factory.GetLogger("HaproxyNet.Engine");
            Assert.Equal(info, logger.IsInfoEnabled);
            Assert.Equal(warn, logger.IsWarnEnabled);
        }
        finally
        {
            factory.Shutdown();
        }
    }

    [Fact]
    public void CreateFactory_NoConfigFile_SyslogLinesStopAtTheSyslogTarget()
    {
        var factory = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions(DiagnosticsMinLevel: "Trace"));
        try
        {
            var first = factory.Configuration!.LoggingRules[0];
            Assert.True(first.Final);
            Assert.Equal(SyslogLogSink.LoggerName, first.LoggerNamePattern);
            Assert.IsType<HaproxyNet.Logging.Targets.SyslogUdpTarget>(Assert.Single(first.Targets));
        }
        finally
        {
            factory.Shutdown();
        }
    }

    [Fact]
    public void CreateFactory_ConfigFileDeclaresSyslogUdp_SendsEachLineOnce()
    {
        var dir = Directory.CreateTempSubdirectory("hn-nlog-");
        var configFile = Path.Combine(dir.FullName, "nlog.config");
        File.WriteAllText(configFile, """
            <nlog xmlns="http://www.nlog-project.org/schemas/NLog.xsd" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <targets>
                <target name="sys" xsi:type="SyslogUdp" />
              </targets>
              <rules>
                <logger name="HaproxyNet.Syslog" minlevel="Trace" writeTo="sys" />
              </rules>
            </nlog>
            """);
        using var syslogd = new SyslogReceiver();
        var factory = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions(configFile));
        try
        {
            var target = HaproxyNetLogging.SyslogTarget(factory);
            Assert.Equal("sys", target!.Name);
            var sink = new SyslogLogSink(factory, new FixedTimeProvider(Date), new SyslogOptions("haproxy", Pid: 3));
            sink.Send(new LogTarget(syslogd.EndPoint, null, 16), 5, "Proxy p started.\n");

            Assert.Equal("<133>Nov 24 14:32:53 haproxy[3]: Proxy p started.\n", syslogd.Receive());
            Assert.False(syslogd.HasPending(), "the line was sent twice");
        }
        finally
        {
            factory.Shutdown();
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void DiagnosticsLayout_TraceEvent_ShowsLevelLoggerSessionAndMessage()
    {
        var logEvent = NLog.LogEventInfo.Create(NLog.LogLevel.Debug, NLogSessionTrace.LoggerName, "queued on s1");
        logEvent.Properties[NLogSessionTrace.SessionProperty] = 42L;
        var text = NLog.Layouts.Layout.FromString(HaproxyNetLogging.DiagnosticsLayout).Render(logEvent);
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{4} DEBUG HaproxyNet\.Trace: 42 queued on s1$", text);
    }

    [Fact]
    public void DiagnosticsLayout_EventWithoutSession_ShowsADash()
    {
        var logEvent = NLog.LogEventInfo.Create(NLog.LogLevel.Warn, "HaproxyNet.Host", "slow start");
        var text = NLog.Layouts.Layout.FromString(HaproxyNetLogging.DiagnosticsLayout).Render(logEvent);
        Assert.EndsWith(" WARN HaproxyNet.Host: - slow start", text);
    }
}
