using HaproxyNet.LogDiff.Normalization;

namespace HaproxyNet.LogDiff.Tests.Normalization;

public class ProgramNamesTests
{
    [Fact]
    public void FromCommand_DotnetAndDll_AcceptsBothWordsWithAndWithoutExtension()
    {
        Assert.Equal(["dotnet", "haproxynet", "haproxynet.dll"], ProgramNames.FromCommand(["dotnet", "bin/x/haproxynet.dll"]));
    }

    [Fact]
    public void FromCommand_SingleBinary_GivesItsBasename()
    {
        Assert.Equal(["haproxy"], ProgramNames.FromCommand(["/usr/sbin/haproxy"]));
    }

    [Fact]
    public void FromCommand_Empty_GivesNothing()
    {
        Assert.Empty(ProgramNames.FromCommand([]));
    }
}
