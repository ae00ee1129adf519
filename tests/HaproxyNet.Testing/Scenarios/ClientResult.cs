using System.Text.Json.Nodes;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>What one harness client did: its source address, one entry per action, how it closed, or the error that stopped it.</summary>
public sealed class ClientResult
{
    public ClientResult(int clientId, string? port)
    {
        ClientId = clientId;
        Port = port;
    }

    public int ClientId { get; }

    /// <summary>Placeholder name of the port it connected to.</summary>
    public string? Port { get; }

    /// <summary><c>ip:port</c> of the client side, once connected.</summary>
    public string? Address { get; internal set; }

    /// <summary>One JSON object per action (<c>{"sent": 7}</c>, <c>{"http": "GET /", "status": 200, "body_bytes": 6}</c>...).</summary>
    public List<JsonObject> Actions { get; } = [];

    public string? Close { get; internal set; }

    public string? Error { get; internal set; }

    public JsonObject ToJson()
    {
        var actions = new JsonArray();
        foreach (var action in Actions)
        {
            actions.Add(action.DeepClone());
        }

        var json = new JsonObject { ["port"] = Port, ["actions"] = actions };
        if (Address is not null)
        {
            json["address"] = Address;
        }

        if (Close is not null)
        {
            json["close"] = Close;
        }

        if (Error is not null)
        {
            json["error"] = Error;
        }

        return json;
    }
}
