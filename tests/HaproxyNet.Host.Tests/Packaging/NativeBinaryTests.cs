using System.Net.Sockets;
using System.Text;
using HaproxyNet.Host.Tests.Process;
using HaproxyNet.Host.Tests.Runtime;
using HaproxyNet.Testing;

namespace HaproxyNet.Host.Tests.Packaging;

/// <summary>The Native AOT binary behaves as the dll: <c>-vv</c>, every recorded <c>-c</c> verdict, a TCP session.</summary>
public class NativeBinaryTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(TestDataPaths.ConfigCheck, "*.cfg"))
        {
            data.Add(Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    [NativeBinaryFact]
    public void VersionAndBuild_Native_BannerAndNativeCompilerExitZero()
    {
        var outcome = HaproxyNetProcess.RunCommand([NativeBinary.Path], TestDataPaths.RepoRoot, NoEnvironment, "-vv");

        Assert.Equal(0, outcome.ExitCode);
        var stdout = Encoding.Latin1.GetString(outcome.Stdout);
        Assert.StartsWith(HaproxyNet.Host.Output.VersionText.Banner + "Build options :\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  CC      = roslyn (C#) + ILCompiler (Native AOT)\n", stdout, StringComparison.Ordinal);
        Assert.Empty(outcome.Stderr);
    }

    [NativeBinaryTheory]
    [MemberData(nameof(Cases))]
    public void Check_RecordedCase_NativeMatchesRecorded1425Output(string name)
    {
        var expected = File.ReadAllText(Path.Combine(TestDataPaths.ConfigCheck, name + ".expected"), Encoding.UTF8);

        var outcome = HaproxyNetProcess.RunCommand([NativeBinary.Path], TestDataPaths.ConfigCheck, NoEnvironment, "-c", "-f", name + ".cfg");

        Assert.Equal(expected, ConfigCheckNormalizer.Format(outcome));
    }

    [NativeBinaryFact]
    public void Usage_Native_Same14UsageTextUnderItsName()
    {
        var outcome = HaproxyNetProcess.RunCommand([NativeBinary.Path], TestDataPaths.RepoRoot, NoEnvironment, "-h");

        Assert.Equal(1, outcome.ExitCode);
        Assert.Equal(HaproxyNet.Host.Output.VersionText.Banner, Encoding.Latin1.GetString(outcome.Stdout));
        Assert.Equal(HaproxyNet.Host.Output.UsageText.Format("haproxynet", 2000), Encoding.Latin1.GetString(outcome.Stderr));
    }

    [NativeBinaryFact]
    public void Proxy_TcpEchoThroughNative_BytesComeBackAndTheSessionIsLogged()
    {
        using var echo = new EchoBackend();
        var fe = RunningProxy.FreePort();
        using var proxy = RunningProxy.StartCommand(
            [NativeBinary.Path], null, RunningProxy.TcpLogDefaults + "\n" + """
                listen l
                    bind 127.0.0.1:{FE}
                    server s1 127.0.0.1:{BE}
                """.Replace("{BE}", echo.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
            fe,
            "-db");
        Assert.True(proxy.WaitListening(fe), proxy.Stderr());

        using (var client = new TcpClient())
        {
            client.Connect("127.0.0.1", fe);
            var stream = client.GetStream();
            stream.ReadTimeout = (int)RunningProxy.Bounded.TotalMilliseconds;
            var hello = "hello through the native binary\n"u8.ToArray();
            stream.Write(hello);
            var back = new byte[hello.Length];
            stream.ReadExactly(back);
            Assert.Equal(hello, back);
        }

        Assert.True(proxy.WaitLog(@" l l/s1 \d+/\d+/\d+ 32 -- "), string.Join("\n", proxy.Lines()));
        proxy.Signal(Signals.SigUsr1);
        Assert.Equal(0, proxy.WaitExit());
        Assert.DoesNotContain("[ALERT]", proxy.Stderr(), StringComparison.Ordinal);
    }
}
