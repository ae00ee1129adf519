namespace HaproxyNet.LogDiff.Comparison;

/// <summary>How an expected line and the actual log disagree.</summary>
public enum LogDifferenceKind
{
    /// <summary>Both logs have the line (same position in the alignment) but some fields differ.</summary>
    Changed,

    /// <summary>The expected line has no counterpart in the actual log.</summary>
    Missing,

    /// <summary>The actual line has no counterpart in the expected log.</summary>
    Unexpected,
}
