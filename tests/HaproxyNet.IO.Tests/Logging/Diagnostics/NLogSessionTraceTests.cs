using HaproxyNet.Logging.Diagnostics;
using NLog;
using NLog.Config;
using NLog.Targets;

namespace HaproxyNet.IO.Tests.Logging.Diagnostics;

public sealed class NLogSessionTraceTests
{
    private static (LogFactory Factory, MemoryTarget Memory) FactoryWithTraceRule(LogLevel minLevel)
    {
        var factory = new LogFactory();
        var config = new LoggingConfiguration(factory);
        var memory = new MemoryTarget("mem") { Layout = "${event-properties:item=session}|${message}" };
        config.AddRule(minLevel, LogLevel.Fatal, memory, NLogSessionTrace.LoggerName);
        factory.Configuration = config;
        return (factory, memory);
    }

    [Fact]
    public void Trace_SwitchOnAndRuleAtDebug_WritesMessageWithSessionId()
    {
        var (factory, memory) = FactoryWithTraceRule(LogLevel.Debug);
        try
        {
            var trace = new NLogSessionTrace(factory, enabled: true);
            Assert.True(trace.IsEnabled);
            trace.Trace(42, "srv_dynamic_maxconn(beconn=8, fullconn=100, minconn=1, maxconn=10, warmup=none) -> 1");

            Assert.Equal(["42|srv_dynamic_maxconn(beconn=8, fullconn=100, minconn=1, maxconn=10, warmup=none) -> 1"], memory.Logs);
        }
        finally
        {
            factory.Shutdown();
        }
    }

    [Fact]
    public void Trace_SwitchOff_IsDisabledAndWritesNothing()
    {
        var (factory, memory) = FactoryWithTraceRule(LogLevel.Debug);
        try
        {
            var trace = new NLogSessionTrace(factory, enabled: false);
            Assert.False(trace.IsEnabled);
            trace.Trace(1, "x");
            Assert.Empty(memory.Logs);
        }
        finally
        {
            factory.Shutdown();
        }
    }

    [Fact]
    public void Trace_SwitchOnButRuleAboveDebug_IsDisabled()
    {
        var (factory, memory) = FactoryWithTraceRule(LogLevel.Info);
        try
        {
            var trace = new NLogSessionTrace(factory, enabled: true);
            Assert.False(trace.IsEnabled);
            trace.Trace(1, "x");
            Assert.Empty(memory.Logs);
        }
        finally
        {
            factory.Shutdown();
        }
    }

    [Fact]
    public void CreateFactory_TraceSwitch_EnablesTheTraceLoggerOnlyWhenOn()
    {
        var on = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions(TraceEnabled: true));
        var off = HaproxyNetLogging.CreateFactory(new HaproxyNetLoggingOptions(TraceEnabled: false));
        try
        {
            Assert.True(new NLogSessionTrace(on, enabled: true).IsEnabled);
            Assert.False(new NLogSessionTrace(off, enabled: true).IsEnabled);
        }
        finally
        {
            on.Shutdown();
            off.Shutdown();
        }
    }
}
