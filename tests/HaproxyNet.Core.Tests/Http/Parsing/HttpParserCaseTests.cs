using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Core.Tests.Http.Parsing;

/// <summary>
/// The table-driven cases of <c>testdata/http-parser/</c>: each message's parse result (state, offsets, start line,
/// headers, body length) is pinned in the case file; feeding it in pieces gives the same result; and the verdict
/// agrees with what the reference binary did with the same bytes (<c>*.oracle.tsv</c>, recorded by oracle.py).
/// </summary>
public sealed class HttpParserCaseTests
{
    public static TheoryData<string, string> Cases()
    {
        var d = new TheoryData<string, string>();
        foreach (var file in new[] { "request.md", "response.md" })
        {
            foreach (var c in HttpParserCaseFile.Load(file))
            {
                d.Add(file, c.Name);
            }
        }

        return d;
    }

    private static HttpParserCase Find(string file, string name)
    {
        foreach (var c in HttpParserCaseFile.Load(file))
        {
            if (c.Name == name)
            {
                return c;
            }
        }

        throw new InvalidOperationException(name);
    }

    [Fact]
    public void CaseFiles_Loaded_HaveManyCases()
    {
        Assert.True(HttpParserCaseFile.Load("request.md").Count >= 40);
        Assert.True(HttpParserCaseFile.Load("response.md").Count >= 15);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_ParsedAtOnce_MatchesExpectation(string file, string name)
    {
        var c = Find(file, name);
        var outcome = HttpParseOutcome.Run(c);
        Assert.Equal(c.Expect, outcome.Describe());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_SplitAtEveryPosition_SameAsOneShot(string file, string name)
    {
        var c = Find(file, name);
        var whole = HttpParseOutcome.Run(c);
        var expected = whole.Describe();
        var limit = Math.Min(c.Data.Length, HttpParseOutcome.Limit);
        for (var split = 1; split < limit; split += limit > 600 ? 97 : 1)
        {
            var two = RunSplit(c, split);
            Assert.Equal(expected, two.Describe());
            Assert.True(whole.Data.AsSpan(0, whole.DataLength).SequenceEqual(two.Data.AsSpan(0, two.DataLength)), $"bytes differ, split {split}");
        }

        foreach (var piece in new[] { 1, 2, 3, 7, 64 })
        {
            var p = HttpParseOutcome.Run(c, piece);
            Assert.Equal(expected, p.Describe());
            Assert.True(whole.Data.AsSpan(0, whole.DataLength).SequenceEqual(p.Data.AsSpan(0, p.DataLength)), $"bytes differ, piece {piece}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_Verdict_SameAsReferenceBinary(string file, string name)
    {
        var c = Find(file, name);
        var oracle = HttpParserCaseFile.LoadOracle(file)[name];
        var outcome = HttpParseOutcome.Run(c);
        Assert.Equal(oracle.Verdict, outcome.Page == 0 ? "fwd" : outcome.Page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (outcome.Page == 0)
        {
            Assert.Equal(HttpParserCaseFile.Escape(oracle.Forwarded), HttpParserCaseFile.Escape(outcome.Forwarded));
        }

        if (oracle.Snapshot != "-" || outcome.Msg.State == HttpMsgState.Error)
        {
            Assert.Equal(oracle.Snapshot, outcome.Snapshot(c.IsRequest));
        }
    }

    private static HttpParseOutcome RunSplit(HttpParserCase c, int split)
    {
        // pieces: [0, split) then the rest
        var outcome = HttpParseOutcome.Run(c.Data, c.IsRequest, c.Has("accept-invalid"), c.Has("head"), piece: -split);
        return outcome;
    }
}
