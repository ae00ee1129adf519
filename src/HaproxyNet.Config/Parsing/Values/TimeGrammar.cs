using HaproxyNet.Config.Parsing.Lexical;
using Sprache;

namespace HaproxyNet.Config.Parsing.Values;

/// <summary>
/// Time values: <c>&lt;digits&gt;[us|ms|s|m|h|d]</c>, characters after a recognised unit ignored, result
/// rounded up to the keyword's unit.
/// </summary>
/// <remarks>Mirrors <c>standard.c parse_time_err</c>.</remarks>
public static class TimeGrammar
{
    private readonly record struct Scale(uint Mult, uint Div);

    /// <summary>Digits, read as 32-bit unsigned with silent wrap (1.4 does not detect overflow).</summary>
    private static readonly Parser<uint> Digits =
        Scan.Many(char.IsAsciiDigit)
            .Select(ds =>
            {
                uint v = 0;
                foreach (var d in ds)
                {
                    v = unchecked((v * 10) + (uint)(d - '0'));
                }

                return v;
            });

    /// <summary>A unit: what it multiplies or divides seconds by. A lone 'u' counts as seconds in 1.4.</summary>
    private static readonly Parser<Scale> Unit =
        Scan.Word(
            "time unit",
            ("us", new Scale(1, 1_000_000)),
            ("ms", new Scale(1, 1000)),
            ("s", new Scale(1, 1)),
            ("u", new Scale(1, 1)),
            ("m", new Scale(60, 1)),
            ("h", new Scale(3600, 1)),
            ("d", new Scale(86400, 1)));

    private static readonly Parser<IOption<Scale>> OptionalUnit = Unit.Optional();

    private static readonly Parser<(uint Value, IOption<Scale> Unit)> Time =
        from value in Digits
        from unit in OptionalUnit
        select (value, unit);

    /// <summary>Parses <paramref name="text"/> with the keyword's default unit.</summary>
    public static TimeParseResult ParseTime(string text, TimeUnit unit)
    {
        var r = Time.TryParseText(text);
        var (value, scale) = r.Value;
        if (scale.IsEmpty)
        {
            if (!r.Remainder.AtEnd)
            {
                return new TimeParseResult(0, r.Remainder.Current);
            }

            // no unit = default unit, no scaling at all
            return new TimeParseResult(value, null);
        }

        uint omult = unit == TimeUnit.Milliseconds ? 1000u : 1u;
        uint odiv = 1;
        var imult = scale.Get().Mult;
        var idiv = scale.Get().Div;
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
}
