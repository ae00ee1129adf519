using HaproxyNet.Fuzz.Targets;
using SharpFuzz;

// haproxynet-fuzz TARGET            : afl-fuzz child (SharpFuzz out-of-process loop over stdin / afl's shared input)
// haproxynet-fuzz TARGET FILE...    : replays inputs without afl; prints the first finding, exit code 1
if (args.Length == 0 || Array.IndexOf(FuzzTargets.Names, args[0]) < 0)
{
    Console.Error.WriteLine("usage: haproxynet-fuzz {" + string.Join("|", FuzzTargets.Names) + "} [FILE...]");
    return 2;
}

var target = args[0];
if (args.Length > 1)
{
    var failed = 0;
    foreach (var file in args[1..])
    {
        try
        {
            FuzzTargets.Run(target, File.ReadAllBytes(file));
        }
#pragma warning disable CA1031 // a replay reports every exception as a finding
        catch (Exception e)
#pragma warning restore CA1031
        {
            failed++;
            Console.Error.WriteLine(file + ": " + e);
        }
    }

    Console.WriteLine($"{args.Length - 1} inputs, {failed} findings");
    return failed == 0 ? 0 : 1;
}

Fuzzer.OutOfProcess.Run(stream =>
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    FuzzTargets.Run(target, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
});
return 0;
