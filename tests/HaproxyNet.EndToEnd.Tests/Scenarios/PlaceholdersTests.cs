using System.Text.Json.Nodes;
using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Scenarios;

public class PlaceholdersTests
{
    private static readonly Dictionary<string, int> Ports = new() { ["FE_PORT"] = 40001, ["SYSLOG_PORT"] = 40002 };

    [Fact]
    public void Render_KnownNames_AreReplaced()
    {
        Assert.Equal("bind 127.0.0.1:40001\nlog 127.0.0.1:40002", Placeholders.Render("bind 127.0.0.1:${FE_PORT}\nlog 127.0.0.1:${SYSLOG_PORT}", Ports));
    }

    [Fact]
    public void Render_UnknownName_Throws()
    {
        var error = Assert.Throws<ScenarioException>(() => Placeholders.Render("${BE9_PORT}", Ports));

        Assert.Equal("no value for placeholder ${BE9_PORT}", error.Message);
    }

    [Theory]
    [InlineData("${i}00", 3, "300")]
    [InlineData("/item/${i}", 1, "/item/1")]
    [InlineData("${i*2}", 4, "8")]
    [InlineData("${i+5}", 4, "9")]
    [InlineData("${i*3+1}", 2, "7")]
    [InlineData("127.0.0.${i}", 6, "127.0.0.6")]
    public void RenderJson_RepeatIndex_IsSubstituted(string template, int index, string expected)
    {
        var rendered = Placeholders.RenderJson(new JsonObject { ["v"] = template }, Ports, index);

        Assert.Equal(expected, rendered["v"]!.GetValue<string>());
    }

    [Fact]
    public void RenderJson_WithoutIndex_LeavesIndexAndKeepsControlCharacters()
    {
        var node = JsonNode.Parse("""{"send": "JRMI\u0000\u0002K", "path": "/${i}", "host": "127.0.0.1:${FE_PORT}"}""")!;

        var rendered = Placeholders.RenderJson(node, Ports);

        Assert.Equal("JRMI\0\u0002K", rendered["send"]!.GetValue<string>());
        Assert.Equal("/${i}", rendered["path"]!.GetValue<string>());
        Assert.Equal("127.0.0.1:40001", rendered["host"]!.GetValue<string>());
    }
}
