using HaproxyNet.Config;
using HaproxyNet.Config.Environment;
using HaproxyNet.Config.Model;
using HaproxyNet.Core.Http.Errors;
using HaproxyNet.Testing;
using HaproxyNet.Testing.Config;

namespace HaproxyNet.Core.Tests.Http.Errors;

/// <summary>
/// The responses 1.4.25 makes itself, compared with the bytes recorded from the reference binary
/// (<c>testdata/http-parser/error-pages/*.http</c>, recorded by <c>record_error_pages.py</c>).
/// </summary>
public sealed class HttpErrorMessagesTests
{
    private static byte[] Recorded(string name)
        => File.ReadAllBytes(Path.Combine(TestDataPaths.TestData, "http-parser", "error-pages", name + ".http"));

    [Theory]
    [InlineData(200)]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void BuiltInPage_Code_SameBytesAsReferenceBinary(int code)
    {
        var page = HttpErrorPages.Get(code);

        Assert.Equal(Recorded(code.ToString(System.Globalization.CultureInfo.InvariantCulture)), page.ToArray());
    }

    [Fact]
    public void BuiltInPage_UnknownCode_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => HttpErrorPages.Get(404));

    [Theory]
    [InlineData("errorloc 503 http://example.com/sorry", "errorloc-503")]
    [InlineData("errorloc302 503 /sorry", "errorloc302-503")]
    [InlineData("errorloc303 503 /see-other", "errorloc303-503")]
    [InlineData("errorfile 503 {errfile}", "errorfile-503")]
    [InlineData("errorfile 503 {errfile}\n  errorloc 503 /last-wins", "errorfile-then-errorloc-503")]
    public void ConfiguredMessage_Keyword_SameBytesAsReferenceBinary(string lines, string recording)
    {
        var proxy = Load(
            "listen l\n  bind 127.0.0.1:10001\n  mode http\n  " + lines.Replace("{errfile}", "/e/503.http", StringComparison.Ordinal) + "\n",
            "HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain\r\n\r\ncustom 503\n"u8.ToArray());

        var set = HttpErrorMessages.FromConfig(proxy);

        Assert.Equal(Recorded(recording), set.Get(503).ToArray());
        Assert.Equal(HttpErrorPages.Get(502).ToArray(), set.Get(502).ToArray());
    }

    [Fact]
    public void ConfiguredMessage_ErrorlocThenErrorfile_LastLineWins()
    {
        var proxy = Load("listen l\n  bind 127.0.0.1:10001\n  mode http\n  errorloc303 503 /a\n  errorfile 503 /e/503.http\n", "X"u8.ToArray());

        Assert.Equal("X"u8.ToArray(), HttpErrorMessages.FromConfig(proxy).Get(503).ToArray());
    }

    [Fact]
    public void Select_BackendHasNoOverride_FrontendMessageThenBuiltIn()
    {
        var fe = new HttpErrorMessages();
        fe.SetLocation(503, "/fe");
        var be = new HttpErrorMessages();
        be.SetLocation(502, "/be", 303);

        Assert.Equal(HttpErrorMessages.BuildLocation("/fe", 302), HttpErrorMessages.Select(be, fe, 503).ToArray());
        Assert.Equal(HttpErrorMessages.BuildLocation("/be", 303), HttpErrorMessages.Select(be, fe, 502).ToArray());
        Assert.Equal(HttpErrorPages.Get(504).ToArray(), HttpErrorMessages.Select(be, fe, 504).ToArray());
        Assert.Equal(HttpErrorPages.Get(400).ToArray(), HttpErrorMessages.Select(null, null, 400).ToArray());
    }

    [Fact]
    public void SetMessage_CodeNotCustomisable_Refused()
    {
        var set = new HttpErrorMessages();

        Assert.False(set.SetMessage(404, "x"u8.ToArray()));
        Assert.False(set.HasOverrides);
        Assert.Throws<InvalidOperationException>(() => HttpErrorMessages.BuiltIn.SetMessage(503, "x"u8.ToArray()));
    }

    private static ProxySection Load(string cfg, byte[]? errorFile = null)
    {
        var env = new ErrorFileEnvironment(new InMemoryConfigEnvironment().With("haproxy.cfg", cfg), errorFile ?? []);
        var sink = new RecordingDiagnosticSink(string.Empty);
        var result = ConfigLoader.Load(["haproxy.cfg"], new ConfigLoadOptions(), env, sink);
        Assert.True(result.IsValid, sink.Text);
        return result.Document!.Proxies[0];
    }

    /// <summary>The in-memory test host, plus one error file at <c>/e/503.http</c>.</summary>
    private sealed class ErrorFileEnvironment(IConfigEnvironment inner, byte[] errorFile) : IConfigEnvironment
    {
        public bool TryGetUserId(string name, out int uid) => inner.TryGetUserId(name, out uid);

        public bool TryGetGroupId(string name, out int gid) => inner.TryGetGroupId(name, out gid);

        public bool TryReadFile(string path, out byte[] content, out string error)
        {
            if (path == "/e/503.http")
            {
                content = errorFile;
                error = string.Empty;
                return true;
            }

            return inner.TryReadFile(path, out content, out error);
        }

        public Stream? OpenConfigFile(string path, out string error) => inner.OpenConfigFile(path, out error);

        public bool TryResolveHost(string name, out System.Net.IPAddress address) => inner.TryResolveHost(name, out address);
    }
}
