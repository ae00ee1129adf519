using HaproxyNet.Fuzz.Targets;
using HaproxyNet.Testing;

namespace HaproxyNet.Core.Tests.Fuzz;

/// <summary>
/// Every input committed under <c>testdata/fuzz/&lt;target&gt;/crashes/</c> (minimised afl++ findings) and
/// <c>corpus/</c> goes through its fuzz target (<c>fuzz/HaproxyNet.Fuzz/Targets</c>, compiled into this assembly)
/// and must pass: no exception, whole and split parses agree, the config loader ends in a model or an alert.
/// CI also runs afl on the three targets for 60 s (<c>eng/fuzz/ci.sh</c>, after the tests); long runs:
/// <c>eng/fuzz/run.sh TARGET SECONDS</c>.
/// </summary>
public sealed class FuzzCrashReplayTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var target in FuzzTargets.Names)
        {
            foreach (var sub in new[] { "crashes", "corpus" })
            {
                var dir = Path.Combine(TestDataPaths.TestData, "fuzz", target, sub);
                if (!Directory.Exists(dir))
                {
                    continue;
                }

                foreach (var file in Directory.GetFiles(dir).Order(StringComparer.Ordinal))
                {
                    if (!file.EndsWith(".md", StringComparison.Ordinal) && !Path.GetFileName(file).StartsWith('.'))
                    {
                        data.Add(target, Path.GetRelativePath(TestDataPaths.TestData, file));
                    }
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void CommittedInput_ThroughItsTarget_Passes(string target, string file)
    {
        FuzzTargets.Run(target, File.ReadAllBytes(Path.Combine(TestDataPaths.TestData, file)));
    }

    [Fact]
    public void Targets_SeedShapedInputs_Pass()
    {
        // The targets themselves on known-good inputs: a request cut at every point, a chunked response, a config.
        FuzzTargets.Run("http-request", "\0\u0003POST /a HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"u8);
        FuzzTargets.Run("http-response", "\u0001\u0009HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8);
        FuzzTargets.Run("config", "global\n    maxconn 10\nlisten a\n    bind :8080\n    mode http\n    server s 127.0.0.1:80\n"u8);
        FuzzTargets.Run("config", "listen a\n    bind :x\n"u8);
    }
}
