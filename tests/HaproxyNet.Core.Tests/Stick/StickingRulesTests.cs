using System.Net;
using HaproxyNet.Core.Stick;
using HaproxyNet.Testing.Engine;
using static HaproxyNet.Core.Tests.Http.HttpHarness;

namespace HaproxyNet.Core.Tests.Stick;

/// <summary>Stick tables and sticking rules in virtual time (the golden persist-stick checks them end to end).</summary>
public class StickingRulesTests
{
    private const string Defaults = "defaults\n    log global\n    timeout client 5s\n    timeout server 5s\n    timeout connect 5s\n";

    private static string ServerOf(string line) => line.Split(' ')[3];

    [Fact]
    public void StickOnSrc_SameSourceStuckUntilExpire_ThenBalancedAgain()
    {
        var h = FromConfig(Defaults + "listen tcp\n    bind 127.0.0.1:10001\n    mode tcp\n    option tcplog\n"
            + "    stick-table type ip size 1k expire 2s\n    stick on src\n"
            + "    server a 127.0.0.1:20001\n    server b 127.0.0.1:20002\n");
        h.Network.AddServer(EngineHarness.Ep(20001), SimServerKind.Echo);
        h.Network.AddServer(EngineHarness.Ep(20002), SimServerKind.Echo);
        h.Start();

        void Connect(string ip)
        {
            h.AddClientFrom(IPAddress.Parse(ip), FePort, 0, [Send("x"), new SimClientAction.Recv(1)], SimCloseMode.Close);
            h.RunFor(100);
        }

        Connect("127.0.0.1"); // a
        Connect("127.0.0.2"); // b
        Connect("127.0.0.2"); // b (stuck; round robin says a)
        Connect("127.0.0.1"); // a (stuck; round robin says a too)
        Connect("127.0.0.2"); // b (stuck)
        h.RunFor(2500);
        Connect("127.0.0.2"); // expired: round robin, a

        var servers = h.Log.Messages.Where(m => m.StartsWith("127.0.0.", StringComparison.Ordinal)).Select(ServerOf).ToList();
        Assert.Equal(["tcp/a", "tcp/b", "tcp/b", "tcp/a", "tcp/b", "tcp/a"], servers);
    }

    [Fact]
    public void MatchAndStoreRequest_IntegerTableFromHeader_StoredOnlyUnderCondition()
    {
        var h = FromConfig(Defaults + "listen web\n    bind 127.0.0.1:10001\n    mode http\n    option httplog\n"
            + "    stick-table type integer size 100\n    stick match hdr(X-Id)\n    stick store-request hdr(X-Id) if { path_beg /store }\n"
            + "    server a 127.0.0.1:20001\n    server b 127.0.0.1:20002\n");
        HttpServer(h, 20001, "A\n");
        HttpServer(h, 20002, "B\n");
        h.Start();

        void Request(string path, string id)
        {
            h.AddClient(FePort, 0, [Get(path, "X-Id: " + id + "\r\nConnection: close\r\n"), new SimClientAction.RecvUntilClose()]);
            h.RunFor(100);
        }

        Request("/x", "7");       // a (round robin), not stored
        Request("/x", "7");       // b: no entry
        Request("/store", "0042"); // a, stores 42 -> a
        Request("/y", "42");      // a by the table (round robin says b)
        Request("/y", "42");      // a

        Assert.Equal(["web/a", "web/b", "web/a", "web/a", "web/a"], SessionLines(h).Select(ServerOf).ToList());
    }

    [Fact]
    public void StringTable_StoredKey_NeverMatchedAsIn1425()
    {
        var table = new StickTable(StickKeyType.String, 32, 10, 0, false);
        var key = StickKey.FromString("alice"u8, 32);

        Assert.True(table.Store(key, 1, 0));

        Assert.Equal(-1, table.Lookup(key, 0));
        Assert.Equal(1, table.Count);
    }

    [Fact]
    public void Store_FullSmallTable_RefusedSinceSizeOver256IsZero()
    {
        var table = new StickTable(StickKeyType.Integer, 4, 2, 0, noPurge: false);

        Assert.True(table.Store(StickKey.FromNumber(1), 1, 0));
        Assert.True(table.Store(StickKey.FromNumber(2), 1, 0));
        Assert.False(table.Store(StickKey.FromNumber(3), 1, 0));
        Assert.True(table.Store(StickKey.FromNumber(1), 2, 0)); // an existing key is updated

        Assert.Equal(2, table.Lookup(StickKey.FromNumber(1), 0));
        Assert.Equal(-1, table.Lookup(StickKey.FromNumber(3), 0));
    }
}
