using HaproxyNet.Core.Checks;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.HttpHarness;

namespace HaproxyNet.Core.Tests.Http;

/// <summary>
/// <c>observe layer7</c> in virtual time (CHECKS.md §8): the statuses and response errors of HTTP traffic feed
/// health_adjust; 100-499, 501 and 505 reset the count, other statuses and invalid/failed responses are errors.
/// </summary>
public class HttpObserveTests
{
    private static string Config(string observe) =>
        "defaults\n    mode http\n    log global\n    option httplog\n    retries 0\n"
        + "    timeout client 5s\n    timeout server 1000\n    timeout connect 1s\n"
        + "frontend fe\n    bind 127.0.0.1:10001\n    default_backend be\n"
        + "backend be\n    server s1 127.0.0.1:20001 check inter 60s " + observe + "\n";

    private static EngineHarness Start(string observe)
    {
        var h = FromConfig(Config(observe));
        var server = h.Network.AddServer(EngineHarness.Ep(BePort), SimServerKind.Http);
        server.Http = new SimHttpBehavior
        {
            Routes = new Dictionary<string, SimHttpBehavior>
            {
                ["/500"] = new SimHttpBehavior { Status = 500 },
                ["/503"] = new SimHttpBehavior { Status = 503 },
                ["/501"] = new SimHttpBehavior { Status = 501 },
                ["/slow"] = new SimHttpBehavior { DelayMs = 5000 },
            },
        };
        h.Start();
        return h;
    }

    private static void Requests(EngineHarness h, params string[] paths)
    {
        var at = 100;
        foreach (var p in paths)
        {
            h.AddClient(FePort, at, [Get(p, "Connection: close\r\n"), new SimClientAction.RecvUntilClose()]);
            at += 1500;
        }

        h.RunFor(at + 500);
    }

    private static List<string> Down(EngineHarness h) =>
        h.Log.Messages.Where(m => m.Contains("is DOWN", StringComparison.Ordinal)).ToList();

    [Fact]
    public void ObserveLayer7_ErrorStatusesUpToTheLimit_MarkDownWithTheLastAnalysis()
    {
        var h = Start("observe layer7 error-limit 2 on-error mark-down");

        Requests(h, "/500", "/503");

        var down = Assert.Single(Down(h));
        Assert.StartsWith(
            "Server be/s1 is DOWN, reason: Health analyze, info: \"Detected 2 consecutive errors, last one was: Wrong http response\".",
            down,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ObserveLayer7_CorrectStatusBetweenErrors_ResetsTheCount()
    {
        // 501 is a correct answer (it follows from the request), so is 200.
        var h = Start("observe layer7 error-limit 2 on-error mark-down");

        Requests(h, "/500", "/501", "/500", "/ok", "/503");

        Assert.Empty(Down(h));
        Assert.Equal(1, h.Loop.Proxies.Single(p => p.Name == "be").Servers[0].ConsecutiveErrors);
    }

    [Fact]
    public void ObserveLayer7_ServerTimeoutWaitingForHeaders_CountsAsReadTimeout()
    {
        var h = Start("observe layer7 error-limit 1 on-error mark-down");

        Requests(h, "/slow");

        Assert.StartsWith(
            "Server be/s1 is DOWN, reason: Health analyze, info: \"Detected 1 consecutive errors, last one was: Read timeout (http)\".",
            Assert.Single(Down(h)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void ObserveLayer4_ErrorStatuses_Ignored()
    {
        var h = Start("observe layer4 error-limit 1 on-error mark-down");

        Requests(h, "/500", "/503");

        Assert.Empty(Down(h));
    }

    [Theory]
    [InlineData(100, AnalyzeStatus.HttpOk)]
    [InlineData(499, AnalyzeStatus.HttpOk)]
    [InlineData(500, AnalyzeStatus.HttpStatus)]
    [InlineData(501, AnalyzeStatus.HttpOk)]
    [InlineData(502, AnalyzeStatus.HttpStatus)]
    [InlineData(505, AnalyzeStatus.HttpOk)]
    [InlineData(600, AnalyzeStatus.HttpStatus)]
    public void ForHttpStatus_StatusClasses_AsHealthAdjust(int status, AnalyzeStatus expected)
    {
        Assert.Equal(expected, HealthAdjust.ForHttpStatus(status));
    }
}
