namespace HaproxyNet.LogDiff.Parsing;

/// <summary>One named field of a parsed log line, kept in the order it appears on the line.</summary>
public readonly record struct LogField(string Name, string Value);
