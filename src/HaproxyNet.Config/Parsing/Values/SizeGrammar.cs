using HaproxyNet.Config.Parsing.Lexical;
using Sprache;

namespace HaproxyNet.Config.Parsing.Values;

/// <summary>Sizes with an optional k/m/g suffix (powers of 1024), as <c>parse_size_err</c> reads them.</summary>
public static class SizeGrammar
{
    private static readonly Parser<ulong> Multiplier =
        Scan.Word("size unit", ("k", 1024UL), ("K", 1024UL), ("m", 1024UL * 1024), ("M", 1024UL * 1024), ("g", 1024UL * 1024 * 1024), ("G", 1024UL * 1024 * 1024));

    private static readonly Parser<IOption<ulong>> OptionalMultiplier = Multiplier.Optional();

    private static readonly Parser<(string Digits, IOption<ulong> Mult)> Size =
        from digits in Scan.Many(char.IsDigit)
        from mult in OptionalMultiplier
        select (digits, mult);

    /// <summary>Returns false with the offending character (or null on overflow) when 1.4 refuses the size.</summary>
    public static bool TryParseSize(string text, out uint value, out char? bad)
    {
        value = 0;
        bad = null;
        var r = Size.TryParseText(text);
        ulong v = 0;
        foreach (var d in r.Value.Digits)
        {
            v = (v * 10) + (uint)(d - '0');
            if (v > uint.MaxValue)
            {
                return false;
            }
        }

        if (!r.Remainder.AtEnd)
        {
            bad = r.Remainder.Current;
            return false;
        }

        v *= r.Value.Mult.GetOrElse(1UL);
        if (v > uint.MaxValue)
        {
            return false;
        }

        value = (uint)v;
        return true;
    }
}
