using HaproxyNet.Simulation;
using ScottPlot;

namespace HaproxyNet.Tool;

/// <summary>
/// The timeline of a simulation: per server its concurrent sessions (solid) against its dynamic maxconn (dashed,
/// "limit"), each backend's queue depth, and a marker per session the proxy cut (timeouts, errors).
/// </summary>
internal static class TimelinePlot
{
    public const int Width = 1000;
    public const int Height = 560;

    public static void SavePng(SimulationResult result, string path) => Build(result).SavePng(path, Width, Height);

    public static void SaveSvg(SimulationResult result, string path) => Build(result).SaveSvg(path, Width, Height);

    /// <summary>The legend text of a server's dynamic maxconn line.</summary>
    public static string LimitLabel(SeriesName s) => $"{s.Server} limit (dynamic maxconn)";

    internal static Plot Build(SimulationResult result)
    {
        var plot = new Plot();
        var n = result.Samples.Count;
        var xs = new double[n];
        for (var i = 0; i < n; i++)
        {
            xs[i] = result.Samples[i].AtMs / 1000.0;
        }

        var palette = new ScottPlot.Palettes.Category10();
        for (var k = 0; k < result.Servers.Count; k++)
        {
            var color = palette.GetColor(k);
            var served = new double[n];
            var limit = new double[n];
            var hasLimit = false;
            for (var i = 0; i < n; i++)
            {
                var s = result.Samples[i].Servers[k];
                served[i] = s.Served;
                limit[i] = s.Limit;
                hasLimit |= s.Limit > 0;
            }

            // The limit is a wide pale band under the sessions line, so both stay visible where they coincide;
            // servers with equal values are told apart by the sessions line's width (first server widest).
            if (hasLimit)
            {
                var cap = plot.Add.Scatter(xs, limit);
                cap.ConnectStyle = ConnectStyle.StepHorizontal;
                cap.MarkerSize = 0;
                cap.LineWidth = 9 - Math.Min(6, 3 * k);
                cap.LinePattern = LinePattern.Dashed;
                cap.Color = color.WithAlpha(0.35);
                cap.LegendText = LimitLabel(result.Servers[k]);
            }

            var line = plot.Add.Scatter(xs, served);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LineWidth = Math.Max(1.5f, 3.5f - k);
            line.Color = color;
            line.LegendText = $"{result.Servers[k].Server} sessions";
        }

        for (var b = 0; b < result.Backends.Count; b++)
        {
            var queue = new double[n];
            for (var i = 0; i < n; i++)
            {
                queue[i] = result.Samples[i].BackendQueues[b];
            }

            var q = plot.Add.Scatter(xs, queue);
            q.ConnectStyle = ConnectStyle.StepHorizontal;
            q.MarkerSize = 0;
            q.LineWidth = 2;
            q.Color = Colors.Gray;
            q.FillY = true;
            q.FillYColor = Colors.Gray.WithAlpha(0.2);
            q.LegendText = $"{result.Backends[b]} queue depth";
        }

        if (result.Expirations.Count > 0)
        {
            var ex = new double[result.Expirations.Count];
            var ey = new double[result.Expirations.Count];
            var states = new SortedSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < ex.Length; i++)
            {
                ex[i] = result.Expirations[i].AtMs / 1000.0;
                ey[i] = 0;
                states.Add(result.Expirations[i].TerminationState);
            }

            var marks = plot.Add.Scatter(ex, ey);
            marks.LineWidth = 0;
            marks.MarkerSize = 12;
            marks.MarkerShape = MarkerShape.FilledTriangleUp;
            marks.Color = Colors.Red;
            marks.LegendText = $"cut by the proxy ({result.Expirations.Count}: {string.Join(", ", states)})";
        }

        plot.Title("haproxynet-tool simulate: sessions per server vs dynamic maxconn");
        plot.XLabel("virtual time (s)");
        plot.YLabel("sessions");
        plot.Axes.SetLimitsY(-0.5, Math.Max(2, MaxY(result)) + 1.5);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static int MaxY(SimulationResult result)
    {
        var max = 0;
        foreach (var s in result.Samples)
        {
            foreach (var q in s.BackendQueues)
            {
                max = Math.Max(max, q);
            }

            foreach (var srv in s.Servers)
            {
                max = Math.Max(max, Math.Max(srv.Served, srv.Limit));
            }
        }

        return max;
    }
}
