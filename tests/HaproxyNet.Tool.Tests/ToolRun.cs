namespace HaproxyNet.Tool.Tests;

/// <summary>Runs the tool's command line in-process and keeps what it printed.</summary>
internal sealed record ToolRun(int ExitCode, string Out, string Err)
{
    public static ToolRun Of(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = ToolMain.Run(args, stdout, stderr);
        return new ToolRun(code, stdout.ToString(), stderr.ToString());
    }
}

/// <summary>A scratch folder removed on dispose.</summary>
internal sealed class Scratch : IDisposable
{
    public Scratch()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "haproxynet-tool-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name, string text)
    {
        var p = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(p, text);
        return p;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
