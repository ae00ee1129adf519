using System.Text.RegularExpressions;

namespace HaproxyNet.EndToEnd.Tests.Stats;

/// <summary>
/// The structure of a stats page, to compare 1.4.25's with haproxynet's without comparing markup: per table row,
/// its class, its anchor (<c>proxy/server</c>) and its number of columns (colspans counted); per form, its hidden
/// backend id and its checkboxes.
/// </summary>
internal static partial class StatsPageShape
{
    public static List<string> Rows(string html)
    {
        var rows = new List<string>();
        foreach (Match m in RowRegex().Matches(html))
        {
            var cls = m.Groups[1].Value;
            if (cls is "titre")
            {
                continue;
            }

            var body = m.Groups[2].Value;
            var anchor = AnchorRegex().Match(body);
            var cols = 0;
            foreach (Match td in CellRegex().Matches(body))
            {
                var span = SpanRegex().Match(td.Value);
                cols += span.Success ? int.Parse(span.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            }

            rows.Add($"{cls} {(anchor.Success ? anchor.Groups[1].Value : "-")} cols={cols}");
        }

        return rows;
    }

    /// <summary>The listener rows (<c>tr class=socket</c>): the cell title if any, then each cell's text without tags.</summary>
    public static List<string> SocketRows(string html)
    {
        var rows = new List<string>();
        foreach (Match m in SocketRowRegex().Matches(html))
        {
            var cells = new List<string>();
            foreach (Match td in CellTextRegex().Matches(m.Groups[1].Value))
            {
                var title = TitleRegex().Match(td.Groups[1].Value);
                cells.Add((title.Success ? title.Groups[1].Value : string.Empty) + "|" + TagRegex().Replace(td.Groups[2].Value, string.Empty));
            }

            rows.Add(string.Join(" ; ", cells));
        }

        return rows;
    }

    public static List<string> Forms(string html)
    {
        var forms = new List<string>();
        foreach (Match m in FormRegex().Matches(html))
        {
            var boxes = new List<string>();
            foreach (Match b in CheckboxRegex().Matches(m.Value))
            {
                boxes.Add(b.Groups[1].Value);
            }

            var hidden = HiddenRegex().Match(m.Value);
            forms.Add((hidden.Success ? hidden.Groups[1].Value : "?") + ": " + string.Join(',', boxes));
        }

        return forms;
    }

    [GeneratedRegex("<tr class=\"?([a-z0-9]+)\"?>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowRegex();

    [GeneratedRegex("<a name=\"([^\"]+)\">")]
    private static partial Regex AnchorRegex();

    [GeneratedRegex("<td[^>]*>")]
    private static partial Regex CellRegex();

    [GeneratedRegex("colspan=\"?([0-9]+)")]
    private static partial Regex SpanRegex();

    [GeneratedRegex("<form .*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormRegex();

    [GeneratedRegex("<input type=\"checkbox\" name=\"s\" value=\"([^\"]+)\">")]
    private static partial Regex CheckboxRegex();

    [GeneratedRegex("<input type=\"hidden\" name=\"b\" value=\"([^\"]+)\">")]
    private static partial Regex HiddenRegex();

    [GeneratedRegex("<tr class=socket>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex SocketRowRegex();

    [GeneratedRegex("<td([^>]*)>(.*?)(?=<td|$)", RegexOptions.Singleline)]
    private static partial Regex CellTextRegex();

    [GeneratedRegex("title=\"([^\"]*)\"")]
    private static partial Regex TitleRegex();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagRegex();
}
