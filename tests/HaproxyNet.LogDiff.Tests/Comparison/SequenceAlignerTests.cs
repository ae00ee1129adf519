using HaproxyNet.LogDiff.Comparison;

namespace HaproxyNet.LogDiff.Tests.Comparison;

public class SequenceAlignerTests
{
    [Fact]
    public void Align_IdenticalSequences_OneEqualOp()
    {
        Assert.Equal([new AlignmentOp(AlignmentTag.Equal, 0, 3, 0, 3)], SequenceAligner.Align(Split("abc"), Split("abc")));
    }

    [Fact]
    public void Align_BothEmpty_NoOps()
    {
        Assert.Empty(SequenceAligner.Align([], []));
    }

    [Fact]
    public void Align_OneSideEmpty_DeleteOrInsert()
    {
        Assert.Equal([new AlignmentOp(AlignmentTag.Delete, 0, 2, 0, 0)], SequenceAligner.Align(Split("ab"), []));
        Assert.Equal([new AlignmentOp(AlignmentTag.Insert, 0, 0, 0, 2)], SequenceAligner.Align([], Split("ab")));
    }

    [Fact]
    public void Align_DifflibDocumentationExample_SameOpcodes()
    {
        // difflib's own example: SequenceMatcher(None, "qabxcd", "abycdf").get_opcodes().
        Assert.Equal(
            [
                new AlignmentOp(AlignmentTag.Delete, 0, 1, 0, 0),
                new AlignmentOp(AlignmentTag.Equal, 1, 3, 0, 2),
                new AlignmentOp(AlignmentTag.Replace, 3, 4, 2, 3),
                new AlignmentOp(AlignmentTag.Equal, 4, 6, 3, 5),
                new AlignmentOp(AlignmentTag.Insert, 6, 6, 5, 6),
            ],
            SequenceAligner.Align(Split("qabxcd"), Split("abycdf")));
    }

    [Fact]
    public void Align_TiedLongestRuns_PrefersEarliestInExpected()
    {
        // "ab" occurs twice in the expected side; the earlier copy is matched.
        Assert.Equal(
            [new AlignmentOp(AlignmentTag.Equal, 0, 2, 0, 2), new AlignmentOp(AlignmentTag.Delete, 2, 4, 2, 2)],
            SequenceAligner.Align(Split("abab"), Split("ab")));
    }

    [Fact]
    public void MatchingBlocks_AdjacentRuns_AreMergedAndEndWithSentinel()
    {
        Assert.Equal([(0, 0, 4), (4, 4, 0)], SequenceAligner.MatchingBlocks(Split("abcd"), Split("abcd")));
        Assert.Equal([(1, 0, 2), (4, 3, 2), (6, 6, 0)], SequenceAligner.MatchingBlocks(Split("qabxcd"), Split("abycdf")));
    }

    private static string[] Split(string letters) => letters.Select(c => c.ToString()).ToArray();
}
