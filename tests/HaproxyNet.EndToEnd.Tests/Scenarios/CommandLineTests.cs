using HaproxyNet.Testing.Scenarios;

namespace HaproxyNet.EndToEnd.Tests.Scenarios;

public class CommandLineTests
{
    [Theory]
    [InlineData("dotnet bin/haproxynet.dll", new[] { "dotnet", "bin/haproxynet.dll" })]
    [InlineData("  ./haproxy  ", new[] { "./haproxy" })]
    [InlineData("dotnet \"my dir/h.dll\"", new[] { "dotnet", "my dir/h.dll" })]
    [InlineData("a 'b c' d\\ e", new[] { "a", "b c", "d e" })]
    [InlineData("x\"y\"z", new[] { "xyz" })]
    [InlineData("\"a\\\"b\"", new[] { "a\"b" })]
    [InlineData("''", new[] { "" })]
    [InlineData("", new string[0])]
    public void Split_ShellQuoting_GivesWords(string command, string[] words)
    {
        Assert.Equal(words, CommandLine.Split(command));
    }

    [Theory]
    [InlineData("a 'b")]
    [InlineData("a \"b")]
    public void Split_UnclosedQuote_Throws(string command)
    {
        Assert.Throws<ScenarioException>(() => CommandLine.Split(command));
    }
}
