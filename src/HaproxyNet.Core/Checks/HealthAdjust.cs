using System.Globalization;
using HaproxyNet.Core.Proxies;
using HaproxyNet.Core.Time;

namespace HaproxyNet.Core.Checks;

/// <summary>
/// Passive health from traffic (<c>observe</c>, <c>error-limit</c>, <c>on-error</c>): 1.4's <c>health_adjust</c>
/// (checks.c), CHECKS.md §8. Sessions report connection and response outcomes; only checked servers observe.
/// </summary>
public static class HealthAdjust
{
    /// <summary>The text of an analysis status (1.4's <c>analyze_statuses[].desc</c>).</summary>
    public static string Description(AnalyzeStatus status) => status switch
    {
        AnalyzeStatus.L4Ok => "L4 successful connection",
        AnalyzeStatus.L4Error => "L4 unsuccessful connection",
        AnalyzeStatus.HttpOk => "Correct http response",
        AnalyzeStatus.HttpStatus => "Wrong http response",
        AnalyzeStatus.HttpHeaderResponse => "Invalid http response (headers)",
        AnalyzeStatus.HttpResponse => "Invalid http response",
        AnalyzeStatus.HttpReadError => "Read error (http)",
        AnalyzeStatus.HttpReadTimeout => "Read timeout (http)",
        AnalyzeStatus.HttpBrokenPipe => "Close from server (http)",
        _ => "Unknown",
    };

    /// <summary>The observer's reaction: 0 ignore, 1 error, 2 success (1.4's <c>lr[]</c> per observe mode).</summary>
    public static int Reaction(AnalyzeStatus status, ObserveMode mode) => (status, mode) switch
    {
        (AnalyzeStatus.L4Ok, ObserveMode.Layer4) => 2,
        (AnalyzeStatus.L4Error, _) => 1,
        (AnalyzeStatus.HttpOk, ObserveMode.Layer7) => 2,
        (AnalyzeStatus.L4Ok or AnalyzeStatus.HttpOk, _) => 0,
        (_, ObserveMode.Layer7) => 1,
        _ => 0,
    };

    /// <summary>HTTP status classes for the layer 7 observer: 100-499, 501 and 505 are correct responses.</summary>
    public static AnalyzeStatus ForHttpStatus(int status) =>
        status is (>= 100 and <= 499) or 501 or 505 ? AnalyzeStatus.HttpOk : AnalyzeStatus.HttpStatus;

    /// <summary>health_adjust: counts an observed outcome for <paramref name="s"/> and acts at the error limit.</summary>
    public static void Report(EngineLoop loop, Server s, AnalyzeStatus status)
    {
        if (s.Observe == ObserveMode.None || s.Check is null)
        {
            return;
        }

        switch (Reaction(status, s.Observe))
        {
            case 1:
                break;
            case 2:
                s.ConsecutiveErrors = 0;
                return;
            default:
                return;
        }

        s.ConsecutiveErrors++;
        if (s.ConsecutiveErrors < s.ErrorLimit)
        {
            return;
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"Detected {s.ConsecutiveErrors} consecutive errors, last one was: {Description(status)}");
        switch (s.OnError)
        {
            case OnErrorAction.FastInter:
                break;
            case OnErrorAction.SuddenDeath or OnErrorAction.FailCheck:
                if (s.OnError == OnErrorAction.SuddenDeath && s.Health > s.Rise)
                {
                    s.Health = s.Rise + 1;
                }

                ServerHealth.SetCheckStatus(loop, s, CheckStatus.HealthAnalyze, text);
                if (s.Health > s.Rise)
                {
                    s.Health--;
                    s.FailedChecks++;
                }
                else
                {
                    ServerHealth.SetServerDown(loop, s);
                }

                break;
            case OnErrorAction.MarkDown:
                s.Health = s.Rise;
                ServerHealth.SetCheckStatus(loop, s, CheckStatus.HealthAnalyze, text);
                ServerHealth.SetServerDown(loop, s);
                break;
        }

        s.ConsecutiveErrors = 0;
        s.FailedHana++;
        if (s.FastInter != 0)
        {
            s.Check.BringForward(Ticks.Add(loop.Clock.NowMs, s.FastInter));
        }
    }
}
