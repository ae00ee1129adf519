namespace HaproxyNet.LogDiff.Comparison;

/// <summary>One differing field of a changed line: its name and the report text (<c>Tw: expected 5001, actual 0 (tolerance 1000 ms)</c>).</summary>
public sealed record FieldDifference(string Field, string Message);
