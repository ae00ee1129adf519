using HaproxyNet.Host.Cli;
using HaproxyNet.Host.Engine;
using HaproxyNet.Host.Startup;
using Microsoft.Extensions.DependencyInjection;

namespace HaproxyNet.Host.Tests.Engine;

public class EngineProcessHostTests
{
    private static EngineStartup Startup(CapturingSink sink) => new(
        new CommandLineOptions { ConfigFiles = ["a.cfg"] },
        TestDocuments.ValidMinimal(),
        new ProcessModes(ArgMode.Foreground, 1),
        sink,
        "haproxynet");

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void Run_EngineReturns_ItsExitStatus(int status)
    {
        var engine = new RecordingEngine(status);
        var startup = Startup(new CapturingSink());
        var code = EngineProcessHost.Run(startup, services => services.AddSingleton<IEngineHost>(engine));
        Assert.Equal(status, code);
        Assert.Same(startup, engine.Seen);
    }

    [Fact]
    public void Run_EngineThrows_ExitStatusOne()
    {
        var engine = new RecordingEngine(0, fail: true);
        var code = EngineProcessHost.Run(Startup(new CapturingSink()), services => services.AddSingleton<IEngineHost>(engine));
        Assert.Equal(1, code);
    }

    [Fact]
    public void Run_UnavailableEngine_AlertsAndExitsOne()
    {
        var sink = new CapturingSink();
        var code = EngineProcessHost.Run(Startup(sink), static services => services.AddSingleton<IEngineHost, UnavailableEngineHost>());
        Assert.Equal(1, code);
        Assert.Equal(["ALERT:" + UnavailableEngineHost.Message], sink.Messages);
    }

    [Fact]
    public void CreateBuilder_Lifetime_ImmediateExitNotConsoleLifetime()
    {
        using var host = EngineProcessHost.CreateBuilder(Startup(new CapturingSink()), new ExitStatus(), null).Build();
        Assert.IsType<ImmediateExitLifetime>(host.Services.GetRequiredService<Microsoft.Extensions.Hosting.IHostLifetime>());
    }

    [Fact]
    public void CreateBuilder_Default_NoLoggingProviders()
    {
        using var host = EngineProcessHost.CreateBuilder(Startup(new CapturingSink()), new ExitStatus(), null).Build();
        Assert.Empty(host.Services.GetServices<Microsoft.Extensions.Logging.ILoggerProvider>());
    }

    [Fact]
    public void CreateBuilder_Default_ProxyEngine()
    {
        using var host = EngineProcessHost.CreateBuilder(Startup(new CapturingSink()), new ExitStatus(), null).Build();
        Assert.IsType<HaproxyNet.Host.Runtime.ProxyEngineHost>(host.Services.GetRequiredService<IEngineHost>());
    }

    private sealed class RecordingEngine(int status, bool fail = false) : IEngineHost
    {
        public EngineStartup? Seen { get; private set; }

        public async Task<int> RunAsync(EngineStartup startup, CancellationToken stoppingToken)
        {
            Seen = startup;
            await Task.Yield();
            return fail ? throw new InvalidOperationException("engine failed") : status;
        }
    }
}
