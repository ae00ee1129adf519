namespace HaproxyNet.LogDiff.Comparison;

/// <summary>What an <see cref="AlignmentOp"/> does to turn the expected range into the actual range.</summary>
public enum AlignmentTag
{
    Equal,
    Replace,
    Delete,
    Insert,
}
