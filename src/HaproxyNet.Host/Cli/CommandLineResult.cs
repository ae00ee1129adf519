namespace HaproxyNet.Host.Cli;

/// <summary>Result of <see cref="CommandLine.Parse"/>: an outcome plus the options read so far.</summary>
/// <param name="Outcome">Whether to run, print the version, or print the usage.</param>
/// <param name="Options">
/// Options as read up to the end of the scan; on <see cref="CommandLineOutcome.Usage"/> its
/// <see cref="CommandLineOptions.MaxPConn"/> is the <c>-N</c> value the usage text shows.
/// </param>
public sealed record CommandLineResult(CommandLineOutcome Outcome, CommandLineOptions Options);
