namespace HaproxyNet.LogDiff.Comparison;

/// <summary>
/// Aligns two sequences of strings the way Python's <c>difflib.SequenceMatcher(autojunk=False)</c> does:
/// take the longest common run (earliest on ties), recurse on both sides, then describe the gaps.
/// </summary>
/// <remarks>
/// Matching difflib exactly matters: the shared Python harness and this port must pair the same lines, otherwise
/// their reports would differ for the same two logs. No junk heuristic is applied (autojunk is off there too).
/// </remarks>
public static class SequenceAligner
{
    /// <summary>The alignment steps covering both sequences from start to end.</summary>
    public static IReadOnlyList<AlignmentOp> Align(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        var blocks = MatchingBlocks(expected, actual);
        var ops = new List<AlignmentOp>();
        int i = 0, j = 0;
        foreach (var (ai, bj, size) in blocks)
        {
            if (i < ai && j < bj)
            {
                ops.Add(new AlignmentOp(AlignmentTag.Replace, i, ai, j, bj));
            }
            else if (i < ai)
            {
                ops.Add(new AlignmentOp(AlignmentTag.Delete, i, ai, j, bj));
            }
            else if (j < bj)
            {
                ops.Add(new AlignmentOp(AlignmentTag.Insert, i, ai, j, bj));
            }

            i = ai + size;
            j = bj + size;
            if (size > 0)
            {
                ops.Add(new AlignmentOp(AlignmentTag.Equal, ai, i, bj, j));
            }
        }

        return ops;
    }

    /// <summary>Maximal common runs in increasing order, merged when adjacent, ending with a (lenA, lenB, 0) sentinel.</summary>
    internal static List<(int A, int B, int Size)> MatchingBlocks(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var positionsInB = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var j = 0; j < b.Count; j++)
        {
            if (!positionsInB.TryGetValue(b[j], out var list))
            {
                list = [];
                positionsInB[b[j]] = list;
            }

            list.Add(j);
        }

        var found = new List<(int A, int B, int Size)>();
        var pending = new Stack<(int ALo, int AHi, int BLo, int BHi)>();
        pending.Push((0, a.Count, 0, b.Count));
        while (pending.Count > 0)
        {
            var (aLo, aHi, bLo, bHi) = pending.Pop();
            var (i, j, k) = LongestMatch(a, positionsInB, aLo, aHi, bLo, bHi);
            if (k == 0)
            {
                continue;
            }

            found.Add((i, j, k));
            if (aLo < i && bLo < j)
            {
                pending.Push((aLo, i, bLo, j));
            }

            if (i + k < aHi && j + k < bHi)
            {
                pending.Push((i + k, aHi, j + k, bHi));
            }
        }

        found.Sort();
        var merged = new List<(int A, int B, int Size)>(found.Count + 1);
        int i1 = 0, j1 = 0, k1 = 0;
        foreach (var (i2, j2, k2) in found)
        {
            if (i1 + k1 == i2 && j1 + k1 == j2)
            {
                k1 += k2;
                continue;
            }

            if (k1 > 0)
            {
                merged.Add((i1, j1, k1));
            }

            (i1, j1, k1) = (i2, j2, k2);
        }

        if (k1 > 0)
        {
            merged.Add((i1, j1, k1));
        }

        merged.Add((a.Count, b.Count, 0));
        return merged;
    }

    /// <summary>
    /// Longest run a[i..i+k) == b[j..j+k) inside the given window; among equally long runs the one that starts
    /// earliest in a, then earliest in b. Dynamic programming over "length of the run ending at (i, j)".
    /// </summary>
    private static (int I, int J, int K) LongestMatch(
        IReadOnlyList<string> a, Dictionary<string, List<int>> positionsInB, int aLo, int aHi, int bLo, int bHi)
    {
        int bestI = aLo, bestJ = bLo, bestK = 0;
        var runEndingAt = new Dictionary<int, int>();
        var next = new Dictionary<int, int>();
        for (var i = aLo; i < aHi; i++)
        {
            next.Clear();
            if (positionsInB.TryGetValue(a[i], out var positions))
            {
                foreach (var j in positions)
                {
                    if (j < bLo)
                    {
                        continue;
                    }

                    if (j >= bHi)
                    {
                        break;
                    }

                    var k = runEndingAt.GetValueOrDefault(j - 1) + 1;
                    next[j] = k;
                    if (k > bestK)
                    {
                        (bestI, bestJ, bestK) = (i - k + 1, j - k + 1, k);
                    }
                }
            }

            (runEndingAt, next) = (next, runEndingAt);
        }

        return (bestI, bestJ, bestK);
    }
}
