using System.Text;
using HaproxyNet.Host.Tests.Process;
using HaproxyNet.Testing;

namespace HaproxyNet.Host.Tests.Packaging;

/// <summary>
/// <c>packaging/build-deb.sh</c> around the native binary, then <c>dpkg --root --install</c> installs the package into a
/// scratch root (no container, nothing touches the system) and the installed <c>haproxynet</c> checks its configuration.
/// </summary>
public sealed class DebPackageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hnet-deb-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Script => Path.Combine(TestDataPaths.RepoRoot, "packaging", "build-deb.sh");

    private string BuildAndInstall()
    {
        var (code, stdout, stderr) = PackagingTool.Run(
            "bash", Script, "--binary", NativeBinary.Path, "--tool", ToolBuild.Directory, "--out", Path.Combine(_dir, "out"));
        Assert.True(code == 0, stderr);
        var deb = stdout.Trim();
        Assert.EndsWith(".deb", deb, StringComparison.Ordinal);

        var root = Path.Combine(_dir, "root");
        Directory.CreateDirectory(Path.Combine(root, "var", "lib", "dpkg", "info"));
        Directory.CreateDirectory(Path.Combine(root, "var", "lib", "dpkg", "updates"));
        File.WriteAllText(Path.Combine(root, "var", "lib", "dpkg", "status"), string.Empty);
        // A full install (unpack and configure); the maintainer script runs outside the root with DPKG_ROOT set.
        var unpack = PackagingTool.Run(
            "dpkg", "--root=" + root, "--force-not-root", "--force-depends", "--force-script-chrootless", "--install", deb);
        Assert.True(unpack.Code == 0, unpack.Stderr);
        return root;
    }

    [NativeBinaryFact("dpkg-deb", "dpkg", "gzip", "haproxynet-tool")]
    public void Deb_UnpackedInScratchRoot_InstalledBinaryChecksConfigsAndToolLintsAndComparesLogs()
    {
        var root = BuildAndInstall();
        var binary = Path.Combine(root, "usr", "sbin", "haproxynet");
        var none = new Dictionary<string, string>();

        var shipped = HaproxyNetProcess.RunCommand([binary], root, none, "-c", "-f", Path.Combine(root, "etc", "haproxynet", "haproxynet.cfg"));
        Assert.Equal("exit: 0\n--- stdout\nConfiguration file is valid\n--- stderr\n", ConfigCheckNormalizer.Format(shipped));

        var sample = HaproxyNetProcess.RunCommand([binary], Path.Combine(root, "usr", "share", "doc", "haproxynet", "examples"), none, "-c", "-f", "seed-incident.cfg");
        Assert.Equal("exit: 0\n--- stdout\nConfiguration file is valid\n--- stderr\n", ConfigCheckNormalizer.Format(sample));

        var vv = HaproxyNetProcess.RunCommand([binary], root, none, "-vv");
        Assert.Equal(0, vv.ExitCode);
        Assert.StartsWith("HaproxyNet version ", Encoding.Latin1.GetString(vv.Stdout), StringComparison.Ordinal);

        foreach (var file in new[]
        {
            "usr/share/man/man1/haproxynet.1.gz", "lib/systemd/system/haproxynet.service", "etc/rsyslog.d/49-haproxynet.conf",
            "etc/default/haproxynet",
        })
        {
            Assert.True(File.Exists(Path.Combine(root, file)), file);
        }

        var status = File.ReadAllText(Path.Combine(root, "var", "lib", "dpkg", "status"));
        Assert.Contains("Package: haproxynet\nStatus: install ok installed\n", status, StringComparison.Ordinal);

        // haproxynet-tool, installed with it (one package build for both: it takes a while).
        var tool = Path.Combine(root, "usr", "bin", "haproxynet-tool");
        Assert.Equal("../lib/haproxynet-tool/haproxynet-tool", new FileInfo(tool).LinkTarget);
        var examples = Path.Combine(root, "usr", "share", "doc", "haproxynet", "examples");

        // Through the symlink, as an operator types it: the seed sample has the minconn/fullconn trap (exit 1).
        var lint = HaproxyNetProcess.RunCommand([tool], examples, none, "lint", "-f", "seed-incident.cfg");
        var lintOut = Encoding.UTF8.GetString(lint.Stdout);
        Assert.True(lint.ExitCode == 1, lintOut + Encoding.UTF8.GetString(lint.Stderr));
        Assert.Contains("dynamic maxconn stays at minconn=1", lintOut, StringComparison.Ordinal);

        // A log compared with itself is equal (exit 0), read from the raw 1.4.25 seed log.
        var log = Path.Combine(TestDataPaths.Golden("seed-incident"), "raw-1.4.25.log");
        var diff = HaproxyNetProcess.RunCommand([tool], root, none, "logdiff", log, log);
        Assert.True(diff.ExitCode == 0, Encoding.UTF8.GetString(diff.Stdout) + Encoding.UTF8.GetString(diff.Stderr));
    }
}
