namespace HaproxyNet.LogDiff.Comparison;

/// <summary>
/// One step of an alignment: expected lines <c>[ExpectedStart, ExpectedEnd)</c> correspond to actual lines
/// <c>[ActualStart, ActualEnd)</c> (0-based, end exclusive), like a difflib opcode.
/// </summary>
public readonly record struct AlignmentOp(AlignmentTag Tag, int ExpectedStart, int ExpectedEnd, int ActualStart, int ActualEnd);
