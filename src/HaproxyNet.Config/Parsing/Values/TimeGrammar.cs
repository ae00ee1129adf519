namespace HaproxyNet.Config.Parsing.Values;

/// <summary>
/// Time values: <c>&lt;digits&gt;[us|ms|s|m|h|d]</c>, characters after a recognised unit ignored, result
/// rounded up to the keyword's unit.
/// </summary>
/// <remarks>Mirrors <c>standard.c parse_time_err</c>.</remarks>
public static class TimeGrammar
{
    private readonly record struct Scale(uint Mult, uint Div);

    /// <summary>Parses <paramref name="text"/> with the keyword's default unit.</summary>
    /// <remarks>
    /// Digits read as 32-bit unsigned with silent wrap (1.4 does not detect overflow), then the longest unit that
    /// matches, characters after it ignored. A direct scan: it runs for
    /// every <c>inter</c>/<c>fastinter</c>/<c>downinter</c> of every server line, where parser combinators cost
    /// start-up time.
    /// </remarks>
    public static TimeParseResult ParseTime(string text, TimeUnit unit)
    {
        uint value = 0;
        var pos = 0;
        while (pos < text.Length && char.IsAsciiDigit(text[pos]))
        {
            value = unchecked((value * 10) + (uint)(text[pos] - '0'));
            pos++;
        }

        if (!TryUnit(text, pos, out var scale))
        {
            if (pos < text.Length)
            {
                return new TimeParseResult(0, text[pos]);
            }

            // no unit = default unit, no scaling at all
            return new TimeParseResult(value, null);
        }

        uint omult = unit == TimeUnit.Milliseconds ? 1000u : 1u;
        uint odiv = 1;
        var imult = scale.Mult;
        var idiv = scale.Div;
        if (omult % idiv == 0)
        {
            omult /= idiv;
            idiv = 1;
        }

        if (idiv % omult == 0)
        {
            idiv /= omult;
            omult = 1;
        }

        if (imult % odiv == 0)
        {
            imult /= odiv;
            odiv = 1;
        }

        if (odiv % imult == 0)
        {
            odiv /= imult;
            imult = 1;
        }

        var result = unchecked(((value * (imult * omult)) + ((idiv * odiv) - 1)) / (idiv * odiv));
        return new TimeParseResult(result, null);
    }

    /// <summary>
    /// The unit at <paramref name="pos"/>: what it multiplies or divides seconds by, two-letter units first. A lone
    /// 'u' counts as seconds in 1.4.
    /// </summary>
    private static bool TryUnit(string text, int pos, out Scale scale)
    {
        scale = default;
        if (pos >= text.Length)
        {
            return false;
        }

        var next = pos + 1 < text.Length ? text[pos + 1] : '\0';
        switch (text[pos])
        {
            case 'u' when next == 's':
                scale = new Scale(1, 1_000_000);
                return true;
            case 'm' when next == 's':
                scale = new Scale(1, 1000);
                return true;
            case 's' or 'u':
                scale = new Scale(1, 1);
                return true;
            case 'm':
                scale = new Scale(60, 1);
                return true;
            case 'h':
                scale = new Scale(3600, 1);
                return true;
            case 'd':
                scale = new Scale(86400, 1);
                return true;
            default:
                return false;
        }
    }
}
