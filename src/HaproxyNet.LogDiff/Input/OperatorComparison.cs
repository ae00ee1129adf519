using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HaproxyNet.LogDiff.Comparison;
using HaproxyNet.LogDiff.Normalization;

namespace HaproxyNet.LogDiff.Input;

/// <summary>
/// Compares two operators' logs (<see cref="OperatorLog"/>) with the harness's comparer (<see cref="LogComparer"/>):
/// normalized, sessions aligned, timers within tolerance, every other field exact.
/// </summary>
public sealed partial class OperatorComparison
{
    [GeneratedRegex(@"^<\d+>")]
    private static partial Regex PriRegex();

    [GeneratedRegex(@"\]: (?:Connect from )?[0-9a-fA-F.:]+:c(\d+)[ ]")]
    private static partial Regex ClientIdRegex();

    private OperatorComparison(OperatorLog a, OperatorLog b, IReadOnlyList<string> linesA, IReadOnlyList<string> linesB, IReadOnlyList<LogDifference> differences, bool priorityCompared)
    {
        A = a;
        B = b;
        LinesA = linesA;
        LinesB = linesB;
        Differences = differences;
        PriorityCompared = priorityCompared;
    }

    public OperatorLog A { get; }

    public OperatorLog B { get; }

    /// <summary>The normalized lines that were compared.</summary>
    public IReadOnlyList<string> LinesA { get; }

    public IReadOnlyList<string> LinesB { get; }

    public IReadOnlyList<LogDifference> Differences { get; }

    /// <summary>False when one file carries no syslog PRI (rsyslog/journald text): PRI is then left out on both sides.</summary>
    public bool PriorityCompared { get; }

    public bool Equal => Differences.Count == 0;

    /// <summary>Compares <paramref name="a"/> (the reference, "expected") with <paramref name="b"/> ("actual").</summary>
    public static OperatorComparison Run(OperatorLog a, OperatorLog b, TimerTolerance? tolerance = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var priority = a.HasPriorities && b.HasPriorities;
        var linesA = Prepare(a.Normalize(), priority);
        var linesB = Prepare(b.Normalize(), priority);
        var differences = new LogComparer(tolerance).Compare(linesA, linesB);
        return new OperatorComparison(a, b, linesA, linesB, differences, priority);
    }

    /// <summary>
    /// The readable report: per difference the session it belongs to (client id, address and accept date on each
    /// side), the harness's block (lines and differing fields), then the verdict line.
    /// </summary>
    public string Report(int limit = DifferenceReport.DefaultLimit)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"A: {A.Name} ({Forms(A)}, {A.Records.Count} lines, {A.Sessions.Count} sessions)\n");
        text.Append(CultureInfo.InvariantCulture, $"B: {B.Name} ({Forms(B)}, {B.Records.Count} lines, {B.Sessions.Count} sessions)\n");
        if (!PriorityCompared)
        {
            text.Append("note: syslog PRI not compared (one file has no <PRI>, e.g. rsyslog or journald text)\n");
        }

        text.Append('\n');
        var shown = Math.Min(limit, Differences.Count);
        for (var n = 0; n < shown; n++)
        {
            var d = Differences[n];
            text.Append(SessionLine(d));
            text.Append(d.ToString()).Append('\n');
        }

        if (Differences.Count > limit)
        {
            text.Append(CultureInfo.InvariantCulture, $"... {Differences.Count - limit} more differences\n");
        }

        text.Append(Equal
            ? "EQUAL (timers within tolerance)\n"
            : string.Create(CultureInfo.InvariantCulture, $"DIFFERENT: {Differences.Count} difference(s)\n"));
        return text.ToString();
    }

    /// <summary>The comparison as JSON: verdict, inputs, and each difference with its session and fields.</summary>
    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteBoolean("equal", Equal);
            json.WriteNumber("differences", Differences.Count);
            json.WriteBoolean("priority_compared", PriorityCompared);
            WriteInput(json, "a", A);
            WriteInput(json, "b", B);
            json.WriteStartArray("items");
            foreach (var d in Differences)
            {
                json.WriteStartObject();
                json.WriteString("kind", d.Kind.ToString().ToLowerInvariant());
                var id = ClientId(d.ExpectedLine ?? d.ActualLine);
                if (id > 0)
                {
                    json.WriteString("session", "c" + id.ToString(CultureInfo.InvariantCulture));
                    WriteSession(json, "session_a", A.Session(id));
                    WriteSession(json, "session_b", B.Session(id));
                }

                json.WriteNumber("line_a", d.ExpectedLineNumber);
                json.WriteNumber("line_b", d.ActualLineNumber);
                json.WriteString("a", d.ExpectedLine);
                json.WriteString("b", d.ActualLine);
                json.WriteStartArray("fields");
                foreach (var f in d.Fields)
                {
                    json.WriteStartObject();
                    json.WriteString("field", f.Field);
                    json.WriteString("message", f.Message);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>The client id <c>N</c> of a normalized session line (<c>ip:cN</c>), or 0.</summary>
    public static int ClientId(string? normalizedLine)
    {
        if (normalizedLine is null)
        {
            return 0;
        }

        var m = ClientIdRegex().Match(normalizedLine);
        return m.Success ? int.Parse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : 0;
    }

    private string SessionLine(LogDifference d)
    {
        var id = ClientId(d.ExpectedLine ?? d.ActualLine);
        if (id == 0)
        {
            return string.Empty;
        }

        return string.Create(CultureInfo.InvariantCulture, $"session c{id}: A {Describe(A.Session(id))}; B {Describe(B.Session(id))}\n");
    }

    private static string Describe(SessionInfo? s) => s is null
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{s.Address}{(s.AcceptDate.Length > 0 ? " accepted " + s.AcceptDate : string.Empty)} (line {s.LineNumber})");

    private static void WriteInput(Utf8JsonWriter json, string name, OperatorLog log)
    {
        json.WriteStartObject(name);
        json.WriteString("file", log.Name);
        json.WriteNumber("lines", log.Records.Count);
        json.WriteNumber("sessions", log.Sessions.Count);
        json.WriteString("forms", Forms(log));
        json.WriteEndObject();
    }

    private static void WriteSession(Utf8JsonWriter json, string name, SessionInfo? s)
    {
        if (s is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("client", s.Address);
        json.WriteString("accept_date", s.AcceptDate);
        json.WriteNumber("line", s.LineNumber);
        json.WriteEndObject();
    }

    private static string Forms(OperatorLog log)
    {
        var forms = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var r in log.Records)
        {
            forms.Add(r.Form.ToString());
        }

        return forms.Count == 0 ? "empty" : string.Join("+", forms);
    }

    private static List<string> Prepare(IReadOnlyList<string> lines, bool keepPriority)
    {
        var result = new List<string>(lines.Count);
        foreach (var line in lines)
        {
            result.Add(keepPriority ? line : PriRegex().Replace(line, "<PRI>"));
        }

        return result;
    }
}
