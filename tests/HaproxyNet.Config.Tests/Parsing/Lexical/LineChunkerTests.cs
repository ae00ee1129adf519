using System.Text;
using HaproxyNet.Config.Parsing.Lexical;

namespace HaproxyNet.Config.Tests.Parsing.Lexical;

public class LineChunkerTests
{
    [Fact]
    public void Chunks_LineOf2046CharsPlusNewline_IsOneChunk()
    {
        var chunks = LineChunker.Chunks(Encoding.Latin1.GetBytes(new string('a', 2046) + "\n")).ToList();
        Assert.Single(chunks);
        Assert.False(LineChunker.IsTooLong(chunks[0]));
    }

    [Fact]
    public void Chunks_LineOf2047CharsPlusNewline_IsSplitAndTooLong()
    {
        var chunks = LineChunker.Chunks(Encoding.Latin1.GetBytes(new string('a', 2047) + "\nb\n")).ToList();
        Assert.Equal(3, chunks.Count);
        Assert.True(LineChunker.IsTooLong(chunks[0]));
        Assert.Equal("\n", chunks[1]);
    }

    [Fact]
    public void Chunks_LastLineWithoutNewline_IsKept()
    {
        Assert.Equal(["a\n", "b"], LineChunker.Chunks(Encoding.Latin1.GetBytes("a\nb")).ToList());
    }
}
