namespace HaproxyNet.Config.Parsing.Values;

/// <summary>Outcome of <see cref="TimeGrammar.ParseTime"/>: the value, or the offending character.</summary>
/// <param name="Value">Value in the requested unit (32-bit unsigned, wraps like 1.4).</param>
/// <param name="BadChar">The first character 1.4 refuses, or null on success.</param>
public readonly record struct TimeParseResult(uint Value, char? BadChar)
{
    public bool Ok => BadChar is null;
}
