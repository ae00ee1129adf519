using System.Text.Json;

namespace HaproxyNet.EndToEnd.Tests.Stats;

/// <summary>A fact skipped when chromium is not installed (<c>.ci/run</c> installs Debian's <c>chromium</c>).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Binary is null)
        {
            Skip = "chromium not found on PATH (.ci/run installs the Debian package)";
        }
    }
}

/// <summary>
/// haproxynet's stats page in a real headless browser: the rendered proxy and server rows, then the admin form
/// used like an operator would (tick a server, choose Disable, Apply), checked on the page and on the stats socket.
/// Set <c>HAPROXYNET_STATS_SCREENSHOT</c> to a file path to keep a screenshot (docs/stats-page.png was made so).
/// </summary>
[Collection("stats")]
public sealed class StatsPageBrowserTests
{
    [ChromiumFact]
    public void StatsPage_InChromium_RendersRowsAndAdminFormDisablesServer()
    {
        using var backend = new TinyHttpServer();
        var dead = new Dictionary<string, int> { ["BE"] = backend.Port, ["DEAD"] = 9 };
        using var p = StatsProcess.Start(StatsProcess.HaproxyNet, StatsConformanceTests.Config, ["WEB", "TCP"], dead, "browser");
        Thread.Sleep(1200);
        for (var i = 0; i < 5; i++)
        {
            p.Http("WEB", "GET", "/x");
        }

        using var browser = HeadlessChromium.Start();
        var url = "http://127.0.0.1:" + p.Ports["WEB"] + "/st;norefresh";
        browser.Navigate(url);

        var rows = JsonSerializer.Deserialize<List<string>>(JsonSerializer.Deserialize<string>(browser.Evaluate(
            "JSON.stringify([...document.querySelectorAll('table.tbl tr')].filter(r => r.offsetHeight > 0 && r.className && r.className !== 'titre')" +
            ".map(r => r.className + ' ' + ((r.querySelector('a[name]') || {}).name || '-')))"))!)!;
        Assert.Equal(
            [
                "frontend web/Frontend", "socket web/+sock-1", "active3 web/s1", "active6 web/s2", "backup0 web/b1", "backend web/Backend",
                "active3 be/t1", "active6 be/w1", "backend be/Backend",
                "frontend tcpl/Frontend", "active6 tcpl/s", "backend tcpl/Backend",
            ],
            rows);
        Assert.Equal("\"Statistics Report for HAProxy\"", browser.Evaluate("document.title"));

        if (Environment.GetEnvironmentVariable("HAPROXYNET_STATS_SCREENSHOT") is { Length: > 0 } shot)
        {
            File.WriteAllBytes(shot, browser.Screenshot());
        }

        Assert.True(browser.Screenshot().Length > 1000);

        // The operator's gesture: tick s2 in web's form, choose Disable, Apply.
        browser.Evaluate(
            "(() => { const f = document.querySelector('input[name=b][value=\"#1\"]').form;" +
            " f.querySelector('input[name=s][value=s2]').checked = true;" +
            " f.querySelector('select[name=action]').value = 'disable'; f.submit(); return 1; })()");
        browser.WaitFor("location.href.indexOf(';st=DONE') > 0 && document.readyState === 'complete'");
        Assert.Contains("Action processed successfully.", browser.Evaluate("document.body.innerText"), StringComparison.Ordinal);
        Assert.Equal("\"maintain\"", browser.Evaluate("document.querySelector('a[name=\"web/s2\"]').closest('tr').className"));
        var stat = p.Cli("show stat 1 4 2\n");
        Assert.Contains("web,s2,", stat, StringComparison.Ordinal);
        Assert.Contains(",MAINT,", stat, StringComparison.Ordinal);
    }
}
