using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace HaproxyNet.EndToEnd.Tests.Stats;

/// <summary>
/// Debian's chromium in headless mode, driven through the DevTools protocol (a websocket, JSON messages): navigate,
/// evaluate JavaScript, take a screenshot. Started with its own profile folder; stopped by its PID.
/// </summary>
internal sealed class HeadlessChromium : IDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _ws = new();
    private int _id;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>The browser binary, or null when it is not installed (<c>.ci/run</c> installs the Debian package).</summary>
    public static string? Binary =>
        Support.ExternalTools.FindOnPath("chromium") ?? Support.ExternalTools.FindOnPath("chromium-browser");

    public static HeadlessChromium Start()
    {
        var profile = Path.Combine(Path.GetTempPath(), "hnet-chromium-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(profile);
        var info = new ProcessStartInfo(Binary ?? throw new InvalidOperationException("chromium not found"))
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var a in new[]
        {
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--remote-debugging-port=0", "--window-size=1400,900", "--user-data-dir=" + profile, "about:blank",
        })
        {
            info.ArgumentList.Add(a);
        }

        var p = Process.Start(info) ?? throw new InvalidOperationException("could not start chromium");
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        var browser = new HeadlessChromium(p, profile);
        try
        {
            browser.Attach();
        }
        catch
        {
            browser.Dispose();
            throw;
        }

        return browser;
    }

    private void Attach()
    {
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var clock = Stopwatch.StartNew();
        while (!File.Exists(portFile) || File.ReadAllText(portFile).Length == 0)
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(30) || _process.HasExited)
            {
                throw new InvalidOperationException("chromium did not open its DevTools port");
            }

            Thread.Sleep(50);
        }

        var port = File.ReadAllLines(portFile)[0].Trim();
        using var http = new HttpClient();
        string? wsUrl = null;
        while (wsUrl is null && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var list = JsonDocument.Parse(http.GetStringAsync(new Uri("http://127.0.0.1:" + port + "/json/list")).GetAwaiter().GetResult());
            foreach (var t in list.RootElement.EnumerateArray())
            {
                if (t.GetProperty("type").GetString() == "page")
                {
                    wsUrl = t.GetProperty("webSocketDebuggerUrl").GetString();
                    break;
                }
            }

            if (wsUrl is null)
            {
                Thread.Sleep(100);
            }
        }

        _ws.ConnectAsync(new Uri(wsUrl ?? throw new InvalidOperationException("no page target")), CancellationToken.None).GetAwaiter().GetResult();
        Call("Page.enable", null);
    }

    /// <summary>Loads <paramref name="url"/> and waits until the document is complete.</summary>
    public void Navigate(string url)
    {
        Call("Page.navigate", new Dictionary<string, object> { ["url"] = url });
        WaitFor("document.readyState === 'complete' && location.href === " + JsonSerializer.Serialize(url));
    }

    /// <summary>Waits until <paramref name="condition"/> (JavaScript) is true.</summary>
    public void WaitFor(string condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (Evaluate("!!(" + condition + ")") == "true")
            {
                return;
            }

            Thread.Sleep(100);
        }

        throw new TimeoutException("browser never met: " + condition);
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page; returns its value as JSON text.</summary>
    public string Evaluate(string expression)
    {
        var r = Call("Runtime.evaluate", new Dictionary<string, object> { ["expression"] = expression, ["returnByValue"] = true });
        var result = r.GetProperty("result");
        return result.TryGetProperty("value", out var v) ? v.GetRawText() : "undefined";
    }

    /// <summary>A PNG of the viewport.</summary>
    public byte[] Screenshot()
    {
        var r = Call("Page.captureScreenshot", new Dictionary<string, object> { ["format"] = "png", ["captureBeyondViewport"] = true });
        return Convert.FromBase64String(r.GetProperty("data").GetString()!);
    }

    private JsonElement Call(string method, Dictionary<string, object>? parameters)
    {
        var id = ++_id;
        var msg = JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new Dictionary<string, object>() });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        _ws.SendAsync(Encoding.UTF8.GetBytes(msg), WebSocketMessageType.Text, true, cts.Token).GetAwaiter().GetResult();
        var buf = new byte[1 << 20];
        while (true)
        {
            var text = new MemoryStream();
            WebSocketReceiveResult res;
            do
            {
                res = _ws.ReceiveAsync(buf, cts.Token).GetAwaiter().GetResult();
                text.Write(buf, 0, res.Count);
            }
            while (!res.EndOfMessage);

            var doc = JsonDocument.Parse(text.ToArray());
            if (doc.RootElement.TryGetProperty("id", out var rid) && rid.GetInt32() == id)
            {
                if (doc.RootElement.TryGetProperty("error", out var err))
                {
                    throw new InvalidOperationException(method + ": " + err.GetRawText());
                }

                return doc.RootElement.GetProperty("result").Clone();
            }
        }
    }

    public void Dispose()
    {
        _ws.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true); // by its PID (and its own children)
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
