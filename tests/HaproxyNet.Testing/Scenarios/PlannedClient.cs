using System.Text.Json.Nodes;

namespace HaproxyNet.Testing.Scenarios;

/// <summary>One client a traffic step will run: its id (<c>c</c><see cref="Id"/>), rendered spec and start offset within its parallel group.</summary>
public sealed record PlannedClient(int Id, int StepIndex, JsonObject Spec, TimeSpan Offset, bool Concurrent)
{
    /// <summary>The placeholder name of the port it connects to.</summary>
    public string? Port => JsonValues.String(Spec["port"]);
}
