using HaproxyNet.Testing.Http;

namespace HaproxyNet.EndToEnd.Tests.Differential;

/// <summary>The seeded request generator shared by the differential test and the parser's property test.</summary>
public class HttpRequestGeneratorTests
{
    [Fact]
    public void Next_SameSeed_SameBytes()
    {
        var a = new HttpRequestGenerator(77);
        var b = new HttpRequestGenerator(77);

        for (var i = 0; i < 300; i++)
        {
            var x = a.Next();
            var y = b.Next();
            Assert.Equal(x.Bytes, y.Bytes);
            Assert.Equal(x.Label, y.Label);
        }
    }

    [Fact]
    public void At_Index_EqualsNthNext()
    {
        var g = new HttpRequestGenerator(5);
        for (var i = 0; i < 50; i++)
        {
            var next = g.Next();
            Assert.Equal(next.Bytes, HttpRequestGenerator.At(5, i).Bytes);
            Assert.Equal(i, next.Index);
        }
    }

    [Fact]
    public void Next_DifferentSeeds_DifferentStreams()
    {
        var a = new HttpRequestGenerator(1);
        var b = new HttpRequestGenerator(2);

        var same = 0;
        for (var i = 0; i < 100; i++)
        {
            same += a.Next().Bytes.AsSpan().SequenceEqual(b.Next().Bytes) ? 1 : 0;
        }

        Assert.True(same < 10, same + " of 100 payloads identical across seeds");
    }

    [Fact]
    public void Next_TwoThousand_CoversEveryShapeFamily()
    {
        var g = new HttpRequestGenerator(20141);
        var labels = new List<string>();
        for (var i = 0; i < 2000; i++)
        {
            labels.Add(g.Next().Label);
        }

        var all = string.Join("\n", labels);
        foreach (var shape in new[]
        {
            "method=bad", "method=odd", "ver=0.9", "ver=1.0", "ver=1.1", "eol=lf", "eol=mixed", "lead=", "pipeline=",
            "sep=tab", "reqline=cr", "uri=*", "uri=ctl", "uri=long", "uri=/r/chunked", "hdr=fold", "hdr=space-in-name",
            "hdr=no-colon", "hdr=lines", "hdr=block~", "hdr=expect", "body=cl", "body=chunked", "-ext", "-trailer",
            "body=chunked-badsize", "body=cl-short", "body=cl-dup", "body=cl-invalid", "body=te-list", "body=te+cl",
        })
        {
            Assert.Contains(shape, all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Next_Payloads_BoundedAndMostlyWellFormed()
    {
        // Malformed shapes are the minority, so most payloads reach the analysers past the parser.
        string[] malformed = ["method=bad", "ver=HTTP/1.x", "ver=http", "ver=HTTX", "reqline=cr", "uri=ctl", "uri=del", "uri=nul",
            "hdr=space", "hdr=no-colon", "hdr=ctl", "hdr=cr-in", "hdr=empty-name", "hdr=fold-first", "hdr=lines", "hdr=block",
            "body=chunked-badsize", "body=cl-short", "body=cl-dup", "body=cl-invalid", "eol=mixed"];
        var g = new HttpRequestGenerator(9);
        var clean = 0;
        for (var i = 0; i < 1000; i++)
        {
            var r = g.Next();
            Assert.InRange(r.Bytes.Length, 1, 40000);
            clean += malformed.Any(m => r.Label.Contains(m, StringComparison.Ordinal)) ? 0 : 1;
        }

        Assert.InRange(clean, 500, 950);
    }

    [Fact]
    public void Escape_ControlAndHighBytes_Readable()
    {
        byte[] bytes = [(byte)'G', (byte)' ', (byte)'/', 13, 10, 9, 0, 0x7f, 0xe9, (byte)'"', (byte)'\\'];

        Assert.Equal("G /\\r\\n\\t\\x00\\x7F\\xE9\\\"\\\\", GeneratedRequest.Escape(bytes));
        Assert.Equal("ab...(+2 bytes)", GeneratedRequest.Escape("abcd"u8, 2));
    }
}

/// <summary>How the differential test reads logs.</summary>
public class DifferentialComparerTests
{
    [Fact]
    public void Comparable_CutSessionLine_TimersBlankedAndPrefixKept()
    {
        var cut = "<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c1 [ACCEPT_DATE] fe app/s1 0/0/0/13/13 200 94 - - ---- 1/1/0/1/0 0/0 \"GET /" + new string('x', 1000);

        var line = Assert.Single(DifferentialComparer.Comparable([cut]));

        Assert.Equal(DifferentialComparer.TruncatedPrefix, line.Length);
        Assert.Contains(" app/s1 T/T/T/T/T 200 94 ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Comparable_WholeSessionAndEventLines_Unchanged()
    {
        string[] log =
        [
            "<134>SYSLOG_DATE PROGNAME[PID]: 127.0.0.1:c1 [ACCEPT_DATE] fe app/s1 0/0/0/13/13 200 94 - - ---- 1/1/0/1/0 0/0 \"GET / HTTP/1.1\"",
            "<133>SYSLOG_DATE PROGNAME[PID]: Proxy fe started.",
        ];

        Assert.Equal(log, DifferentialComparer.Comparable(log));
    }
}
