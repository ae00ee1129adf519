using HaproxyNet.Host.Platform;

namespace HaproxyNet.Host.Tests.Platform;

public class ProcessArgv0Tests
{
    [Fact]
    public void Resolve_DotnetWithRelativeDll_TheTypedDllWord() =>
        Assert.Equal("bin/haproxynet.dll",
            ProcessArgv0.Resolve(["dotnet", "bin/haproxynet.dll", "-c", "-f", "a.cfg"], "/srv/app/bin/haproxynet.dll", "/srv/app"));

    [Fact]
    public void Resolve_DotnetExecWithHostOptions_TheTypedDllWord() =>
        Assert.Equal("./haproxynet.dll",
            ProcessArgv0.Resolve(["dotnet", "exec", "--runtimeconfig", "x.json", "./haproxynet.dll", "-v"], "/srv/haproxynet.dll", "/srv"));

    [Fact]
    public void Resolve_ArgumentLooksLikeTheDllButIsElsewhere_NotTaken() =>
        Assert.Equal("dotnet",
            ProcessArgv0.Resolve(["dotnet", "/other/haproxynet.dll"], "/srv/haproxynet.dll", "/srv"));

    [Fact]
    public void Resolve_Apphost_FirstWordAsTyped() =>
        Assert.Equal("./haproxynet", ProcessArgv0.Resolve(["./haproxynet", "-f", "haproxynet.dll"], "/srv/haproxynet", "/srv"));

    [Fact]
    public void Resolve_NoCmdline_EntryPath() =>
        Assert.Equal("/srv/haproxynet.dll", ProcessArgv0.Resolve([], "/srv/haproxynet.dll", "/srv"));

    [Fact]
    public void ReadProcCmdline_ThisProcess_HasWords() => Assert.NotEmpty(ProcessArgv0.ReadProcCmdline());
}
