using System.Globalization;
using HaproxyNet.Core.Http.Parsing;

namespace HaproxyNet.Core.Tests.Http.Parsing;

/// <summary>
/// 10,000 random and mutated messages per run: the parser never throws (an out-of-range read would), and feeding a
/// message in pieces gives the same result and the same bytes as parsing it at once. The seed is random per run and
/// printed on failure; set <c>HAPROXYNET_HTTP_PARSER_SEED</c> to replay one.
/// </summary>
public sealed class HttpParserPropertyTests
{
    private const int Count = 10_000;

    private static readonly byte[] Alphabet = "\r\n \t:;,\"\\/.-0123456789HTPGEOSaAzZ\x00\x7f\x80\xff()<>@?="u8.ToArray();

    [Fact]
    public void RandomMessages_ParsedAtOnceOrInPieces_SameResultAndNoException()
    {
        var seedText = Environment.GetEnvironmentVariable("HAPROXYNET_HTTP_PARSER_SEED");
        var seed = seedText is null ? Random.Shared.Next() : int.Parse(seedText, CultureInfo.InvariantCulture);
        var rng = new Random(seed);
        var bases = new List<HttpParserCase>();
        bases.AddRange(HttpParserCaseFile.Load("request.md"));
        bases.AddRange(HttpParserCaseFile.Load("response.md"));

        for (var n = 0; n < Count; n++)
        {
            var request = rng.Next(2) == 0;
            var data = rng.Next(10) == 0 ? RandomBytes(rng) : Mutate(rng, bases[rng.Next(bases.Count)].Data);
            var acceptInvalid = rng.Next(4) == 0;
            var head = rng.Next(8) == 0;
            string context = $"seed {seed} message {n}: {HttpParserCaseFile.Escape(data)}";
            try
            {
                var whole = HttpParseOutcome.Run(data, request, acceptInvalid, head);
                var expected = whole.Describe();
                _ = whole.Forwarded.Length;
                foreach (var piece in new[] { rng.Next(1, 9), -rng.Next(1, Math.Max(2, data.Length)) })
                {
                    var p = HttpParseOutcome.Run(data, request, acceptInvalid, head, piece);
                    Assert.True(expected == p.Describe(), context + $" piece {piece}: {p.Describe()} != {expected}");
                    Assert.True(whole.Data.AsSpan(0, whole.DataLength).SequenceEqual(p.Data.AsSpan(0, p.DataLength)), context);
                }

                AssertInvariants(whole, context);
            }
            catch (Exception e) when (e is not Xunit.Sdk.XunitException)
            {
                Assert.Fail(context + "\n" + e);
            }
        }
    }

    private static void AssertInvariants(HttpParseOutcome o, string context)
    {
        var m = o.Msg;
        Assert.True(m.Next >= 0 && m.Next <= Math.Min(o.DataLength, HttpParseOutcome.Limit) + HttpUpgrade09.Growth(m) + 13, context);
        if (m.State >= HttpMsgState.Body)
        {
            Assert.True(m.Som <= m.Eoh && m.Eoh < m.Sov && m.Sov <= o.DataLength, context);
            var pos = m.Som + o.Idx.FirstPos;
            for (var i = o.Idx.FirstIdx; i != 0; i = o.Idx[i].Next)
            {
                pos += o.Idx[i].LineSize;
            }

            Assert.True(pos == m.Eoh, context + " index does not add up to eoh");
        }
    }

    private static byte[] RandomBytes(Random rng)
    {
        var b = new byte[rng.Next(0, 200)];
        for (var i = 0; i < b.Length; i++)
        {
            b[i] = rng.Next(3) == 0 ? (byte)rng.Next(256) : Alphabet[rng.Next(Alphabet.Length)];
        }

        return b;
    }

    private static byte[] Mutate(Random rng, byte[] source)
    {
        var b = new List<byte>(source.Length > 2048 ? source[..2048] : source);
        for (var k = rng.Next(1, 4); k > 0; k--)
        {
            var at = b.Count == 0 ? 0 : rng.Next(b.Count);
            var c = rng.Next(2) == 0 ? Alphabet[rng.Next(Alphabet.Length)] : (byte)rng.Next(256);
            switch (rng.Next(5))
            {
                case 0 when b.Count > 0: b[at] = c; break;
                case 1: b.Insert(at, c); break;
                case 2 when b.Count > 0: b.RemoveAt(at); break;
                case 3: b.RemoveRange(at, b.Count - at); break;
                default: b.InsertRange(at, "\r\n "u8.ToArray().AsSpan(0, rng.Next(1, 4)).ToArray()); break;
            }
        }

        return [.. b];
    }
}
