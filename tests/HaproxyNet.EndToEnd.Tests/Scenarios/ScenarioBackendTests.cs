using System.Diagnostics;
using System.Text.Json.Nodes;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Scenarios;

/// <summary>Backends driven by harness clients directly (no proxy in between), each exchange bounded by a 5 s client timeout.</summary>
public sealed class ScenarioBackendTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, int> _ports = FreePorts.Pick(["BE_PORT"], []);
    private readonly List<string> _timeline = [];
    private ScenarioBackend? _backend;

    public void Dispose() => _backend?.Dispose();

    [Fact]
    public void Echo_SendAndRecv_GetsTheBytesBack()
    {
        Start("""{"type": "echo", "banner": "hi"}""");

        var result = Client("""{"port": "BE_PORT", "actions": [{"recv": 2}, {"send_bytes": "300"}, {"recv": 300}, {"send": "JRMI\u0000\u0002K"}, {"recv": 7}]}""");

        Assert.Null(result.Error);
        Assert.Equal(
            ["""{"received":2}""", """{"sent":300}""", """{"received":300}""", """{"sent":7}""", """{"received":7}"""],
            result.Actions.Select(a => a.ToJsonString()));
        Assert.Equal("graceful", result.Close);
        Assert.Equal(1, _backend!.Accepted);
    }

    [Theory]
    [InlineData("wait")]
    [InlineData("reset")]
    [InlineData("close")]
    public void Echo_ShutdownWriteThenClose_EchoesAndClosesAsAsked(string close)
    {
        Start("""{"type": "echo"}""");

        var result = Client("""{"port": "BE_PORT", "actions": [{"send": "abc"}, {"shutdown": "write"}, {"recv_until_close": true}, {"sleep_ms": 1}], "close": "CLOSE"}""".Replace("CLOSE", close, StringComparison.Ordinal));

        Assert.Null(result.Error);
        Assert.Equal(
            ["""{"sent":3}""", """{"shutdown":"write"}""", """{"received_until_close":3}""", """{"slept_ms":1}"""],
            result.Actions.Select(a => a.ToJsonString()));
        Assert.Equal(close, result.Close);
    }

    [Fact]
    public void Http_RoutesAndHead_AnswerWithStatusAndBody()
    {
        Start("""{"type": "http", "body": "hello\n", "routes": {"/missing": {"status": 404, "body": "no\n"}, "/m": {"status": 500}}}""");

        var result = Client("""
            {"port": "BE_PORT", "actions": [
              {"http": {"path": "/", "headers": {"Host": "a"}}},
              {"http": {"path": "/missing?x=1"}},
              {"http": {"path": "/mx"}},
              {"http": {"method": "HEAD", "path": "/"}},
              {"http": {"method": "POST", "path": "/", "body": "a=1", "headers": {"Connection": "close"}}}
            ]}
            """);

        Assert.Null(result.Error);
        Assert.Equal(
            [
                """{"http":"GET /","status":200,"body_bytes":6}""",
                """{"http":"GET /missing?x=1","status":404,"body_bytes":3}""",
                """{"http":"GET /mx","status":500,"body_bytes":6}""",
                """{"http":"HEAD /","status":200,"body_bytes":0}""",
                """{"http":"POST /","status":200,"body_bytes":6}""",
            ],
            result.Actions.Select(a => a.ToJsonString()));
        Assert.Equal(5, _backend!.HttpRequests);
        Assert.Equal(1, _backend.Accepted);
    }

    [Fact]
    public void Http_SetStep_ReplacesRoutesWholesale()
    {
        Start("""{"type": "http", "routes": {"/health": {"status": 503}}}""");
        const string Get = """{"port": "BE_PORT", "actions": [{"http": {"path": "/health", "version": "1.0"}}]}""";

        var before = Client(Get);
        _backend!.Update(JsonNode.Parse("""{"routes": {}, "status": 201}""")!.AsObject());
        var after = Client(Get);

        Assert.Equal(503, before.Actions[0]["status"]!.GetValue<int>());
        Assert.Equal(201, after.Actions[0]["status"]!.GetValue<int>());
    }

    [Fact]
    public void Close_ReadsThenClosesWithoutAnswer()
    {
        Start("""{"type": "close"}""");

        var result = Client("""{"port": "BE_PORT", "actions": [{"send": "GET / HTTP/1.0\r\n\r\n"}, {"recv_until_close": true}]}""");

        Assert.Null(result.Error);
        Assert.Equal(0, result.Actions[1]["received_until_close"]!.GetValue<int>());
    }

    [Fact]
    public void Refuse_ClientGetsConnectionRefused()
    {
        Start("""{"type": "refuse"}""");

        var result = Client("""{"port": "BE_PORT", "actions": []}""");

        Assert.StartsWith("SocketException", result.Error, StringComparison.Ordinal);
        Assert.Null(result.Address);
    }

    [Fact]
    public void StopNotGraceful_KillsAHangingConnectionAndRefusesNewOnes()
    {
        Start("""{"type": "hang"}""");
        var runner = new ClientRunner(_ports);
        var spec = JsonNode.Parse("""{"port": "BE_PORT", "actions": [{"send": "x"}, {"recv_until_close": true}], "close": "close"}""")!.AsObject();
        var clock = Stopwatch.StartNew();
        var hanging = new Thread(() => runner.Run(1, spec, Timeout)) { IsBackground = true };
        hanging.Start();
        SpinWait.SpinUntil(() => _backend!.Accepted == 1, Timeout);

        _backend!.Stop();

        Assert.True(hanging.Join(Timeout));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), "the connection was not killed by stop");
        Assert.StartsWith("SocketException", Client("""{"port": "BE_PORT", "actions": []}""").Error, StringComparison.Ordinal);
        Assert.Contains(_timeline, t => t == "backend BE_PORT stopped");
    }

    [Fact]
    public void StartFalse_StaysDownUntilStarted()
    {
        _backend = new ScenarioBackend("BE_PORT", _ports["BE_PORT"], JsonNode.Parse("""{"type": "echo", "start": false}""")!.AsObject(), _timeline.Add);

        Assert.False(_backend.StartsAtOnce);
        Assert.NotNull(Client("""{"port": "BE_PORT", "actions": []}""").Error);
        _backend.Start();
        Assert.Null(Client("""{"port": "BE_PORT", "actions": [{"send": "a"}, {"recv": 1}]}""").Error);
    }

    [Fact]
    public void Constructor_UnknownType_Throws()
    {
        Assert.Throws<ScenarioException>(() => new ScenarioBackend("X_PORT", 1, JsonNode.Parse("""{"type": "ftp"}""")!.AsObject(), _timeline.Add));
    }

    [Fact]
    public void ClientCheck_BadActionOrCloseMode_Throws()
    {
        Assert.Throws<ScenarioException>(() => ClientRunner.Check(JsonNode.Parse("""{"actions": []}""")));
        Assert.Throws<ScenarioException>(() => ClientRunner.Check(JsonNode.Parse("""{"port": "P", "actions": [{"jump": 1}]}""")));
        Assert.Throws<ScenarioException>(() => ClientRunner.Check(JsonNode.Parse("""{"port": "P", "close": "slam"}""")));
        ClientRunner.Check(JsonNode.Parse("""{"port": "P", "actions": [{"recv": 1}], "close": "reset"}"""));
    }

    private void Start(string spec)
    {
        _backend = new ScenarioBackend("BE_PORT", _ports["BE_PORT"], JsonNode.Parse(spec)!.AsObject(), _timeline.Add);
        _backend.Start();
    }

    private ClientResult Client(string spec) => new ClientRunner(_ports).Run(1, JsonNode.Parse(spec)!.AsObject(), Timeout);
}
