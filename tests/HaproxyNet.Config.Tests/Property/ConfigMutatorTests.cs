using System.Text;

namespace HaproxyNet.Config.Tests.Property;

public class ConfigMutatorTests
{
    private static readonly byte[] Sample = Encoding.ASCII.GetBytes("global\n    maxconn 100\n\nlisten web\n    bind 127.0.0.1:80\n    server s1 127.0.0.1:81\n");

    private static ConfigMutator Mutator(int seed) => new(new Random(seed), [Sample, Encoding.ASCII.GetBytes("defaults\n    mode tcp\n")]);

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a\n")]
    [InlineData("a\nb")]
    [InlineData("\n\n")]
    public void SplitLines_ThenJoin_GivesInputBack(string text)
    {
        var bytes = Encoding.ASCII.GetBytes(text);
        Assert.Equal(bytes, ConfigMutator.JoinLines(ConfigMutator.SplitLines(bytes)));
    }

    [Fact]
    public void Apply_SameSeed_SameOutput()
    {
        foreach (var mutation in Enum.GetValues<Mutation>())
        {
            Assert.Equal(Mutator(7).Apply(Sample, mutation), Mutator(7).Apply(Sample, mutation));
        }
    }

    [Theory]
    [InlineData(Mutation.DeleteLine)]
    [InlineData(Mutation.DuplicateLine)]
    [InlineData(Mutation.InsertGarbage)]
    [InlineData(Mutation.InsertLongLine)]
    public void Apply_LineCountingMutation_ChangesTheInput(Mutation mutation)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            Assert.NotEqual(Sample, Mutator(seed).Apply(Sample, mutation));
        }
    }

    [Fact]
    public void Apply_DeleteLine_OneLineFewer()
    {
        var output = Mutator(1).Apply(Sample, Mutation.DeleteLine);
        Assert.Equal(ConfigMutator.SplitLines(Sample).Count - 1, ConfigMutator.SplitLines(output).Count);
    }

    [Fact]
    public void Apply_DropWord_OutputShorterSameLineCount()
    {
        var output = Mutator(3).Apply(Sample, Mutation.DropWord);
        Assert.True(output.Length < Sample.Length);
        Assert.Equal(ConfigMutator.SplitLines(Sample).Count, ConfigMutator.SplitLines(output).Count);
    }

    [Fact]
    public void Apply_Truncate_PrefixOfInput()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var output = Mutator(seed).Apply(Sample, Mutation.Truncate);
            Assert.True(Sample.AsSpan().StartsWith(output));
        }
    }

    [Fact]
    public void Apply_InsertLongLine_AddsLineOverOneThousandBytes()
    {
        var output = Mutator(5).Apply(Sample, Mutation.InsertLongLine);
        Assert.Contains(ConfigMutator.SplitLines(output), line => line.Length >= 1000);
    }

    [Fact]
    public void Apply_EmptyInput_NoMutationThrows()
    {
        foreach (var mutation in Enum.GetValues<Mutation>())
        {
            _ = Mutator(11).Apply([], mutation);
        }
    }

    [Fact]
    public void MakeCase_SameSeedAndIndex_SameFiles()
    {
        var corpus = ConfigLoaderPropertyTests.LoadCorpus();
        var a = ConfigLoaderPropertyTests.MakeCase(42, 17, corpus);
        var b = ConfigLoaderPropertyTests.MakeCase(42, 17, corpus);
        Assert.Equal(a.Names, b.Names);
        Assert.Equal(a.Mutations, b.Mutations);
        for (var i = 0; i < a.Files.Count; i++)
        {
            Assert.Equal(a.Files[i].Bytes, b.Files[i].Bytes);
        }
    }

    [Fact]
    public void MakeCase_ManyIndexes_EveryMutationUsedAndSometimesTwoFiles()
    {
        var corpus = ConfigLoaderPropertyTests.LoadCorpus();
        var seen = new HashSet<string>();
        var twoFiles = 0;
        for (var i = 0; i < 500; i++)
        {
            var c = ConfigLoaderPropertyTests.MakeCase(1, i, corpus);
            twoFiles += c.Files.Count == 2 ? 1 : 0;
            foreach (var m in c.Mutations)
            {
                seen.Add(m[(m.IndexOf(':', StringComparison.Ordinal) + 1)..]);
            }
        }

        Assert.Equal(Enum.GetNames<Mutation>().Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.InRange(twoFiles, 1, 499);
    }
}
