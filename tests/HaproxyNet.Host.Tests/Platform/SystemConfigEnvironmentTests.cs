using System.Net;
using System.Text;
using HaproxyNet.Host.Platform;

namespace HaproxyNet.Host.Tests.Platform;

public class SystemConfigEnvironmentTests : IDisposable
{
    private readonly SystemConfigEnvironment _environment = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("haproxynet-env-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    public static TheoryData<string, int> PasswdEntries() => ReadIds("/etc/passwd");

    public static TheoryData<string, int> GroupEntries() => ReadIds("/etc/group");

    [Theory]
    [MemberData(nameof(PasswdEntries))]
    public void TryGetUserId_UserInPasswdFile_ItsUid(string name, int expected)
    {
        Assert.True(_environment.TryGetUserId(name, out var uid));
        Assert.Equal(expected, uid);
    }

    [Theory]
    [MemberData(nameof(GroupEntries))]
    public void TryGetGroupId_GroupInGroupFile_ItsGid(string name, int expected)
    {
        Assert.True(_environment.TryGetGroupId(name, out var gid));
        Assert.Equal(expected, gid);
    }

    [Theory]
    [InlineData("no-such-user-hnet")]
    [InlineData("")]
    [InlineData("root\u0000x")]
    public void TryGetUserId_UnknownUser_False(string name)
    {
        if (name.StartsWith("root", StringComparison.Ordinal))
        {
            // C stops at the NUL: "root\0x" is looked up as "root".
            Assert.True(_environment.TryGetUserId(name, out var uid));
            Assert.Equal(0, uid);
            return;
        }

        Assert.False(_environment.TryGetUserId(name, out _));
    }

    [Fact]
    public void TryGetGroupId_UnknownGroup_False() => Assert.False(_environment.TryGetGroupId("no-such-group-hnet", out _));

    [Fact]
    public void TryResolveHost_Localhost_Loopback()
    {
        Assert.True(_environment.TryResolveHost("localhost", out var address));
        Assert.Equal(IPAddress.Loopback, address);
    }

    [Fact]
    public void TryResolveHost_DottedQuad_ItsAddress()
    {
        Assert.True(_environment.TryResolveHost("127.0.0.7", out var address));
        Assert.Equal(IPAddress.Parse("127.0.0.7"), address);
    }

    [Fact]
    public void TryResolveHost_UnknownName_False() => Assert.False(_environment.TryResolveHost("no-such-host.invalid", out _));

    [Fact]
    public void OpenConfigFile_ExistingFile_RawBytes()
    {
        var path = Path.Combine(_folder, "a.cfg");
        var bytes = new byte[] { (byte)'a', 0xE9, 0x00, 0xFF, (byte)'\n' };
        File.WriteAllBytes(path, bytes);
        using var stream = _environment.OpenConfigFile(path, out var error);
        Assert.NotNull(stream);
        Assert.Equal("", error);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public void OpenConfigFile_LargerThanOneRead_AllBytes()
    {
        var path = Path.Combine(_folder, "big.cfg");
        var bytes = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("listen x\n", 20000)));
        File.WriteAllBytes(path, bytes);
        using var stream = _environment.OpenConfigFile(path, out _);
        using var copy = new MemoryStream();
        stream!.CopyTo(copy);
        Assert.Equal(bytes.Length, copy.Length);
    }

    [Fact]
    public void OpenConfigFile_Missing_StrerrorText()
    {
        var stream = _environment.OpenConfigFile(Path.Combine(_folder, "missing.cfg"), out var error);
        Assert.Null(stream);
        Assert.Equal("No such file or directory", error);
    }

    [Fact]
    public void OpenConfigFile_Directory_ReadsAsEmptyLikeFgets()
    {
        using var stream = _environment.OpenConfigFile(_folder, out var error);
        Assert.NotNull(stream);
        Assert.Equal(-1, stream.ReadByte());
    }

    [Fact]
    public void OpenConfigFile_NonUtf8Name_OpenedByItsBytes()
    {
        // The file name is the byte string "caf\xE9.cfg" (Latin-1 é as one raw byte).
        var raw = Encoding.Latin1.GetBytes(Path.Combine(_folder, "caf\u00e9.cfg"));
        Assert.Null(_environment.OpenConfigFile(Encoding.Latin1.GetString(raw), out var error));
        Assert.Equal("No such file or directory", error);

        var utf8Name = ByteString.FromArgument(Path.Combine(_folder, "caf\u00e9.cfg"));
        File.WriteAllBytes(Path.Combine(_folder, "caf\u00e9.cfg"), [2]);
        using var stream = _environment.OpenConfigFile(utf8Name, out _);
        Assert.NotNull(stream);
        Assert.Equal(2, stream.ReadByte());
    }

    [Fact]
    public void TryReadFile_ExistingFile_Content()
    {
        var path = Path.Combine(_folder, "503.http");
        File.WriteAllBytes(path, [1, 2, 3]);
        Assert.True(_environment.TryReadFile(path, out var content, out var error));
        Assert.Equal([1, 2, 3], content);
        Assert.Equal("", error);
    }

    [Fact]
    public void TryReadFile_Missing_FalseWithStrerror()
    {
        Assert.False(_environment.TryReadFile(Path.Combine(_folder, "none"), out var content, out var error));
        Assert.Empty(content);
        Assert.Equal("No such file or directory", error);
    }

    private static TheoryData<string, int> ReadIds(string file)
    {
        var data = new TheoryData<string, int>();
        foreach (var line in File.ReadLines(file))
        {
            var fields = line.Split(':');
            if (fields.Length > 3 && fields[0].Length > 0 && int.TryParse(fields[2], System.Globalization.CultureInfo.InvariantCulture, out var id))
            {
                data.Add(fields[0], id);
            }
        }

        return data;
    }
}
