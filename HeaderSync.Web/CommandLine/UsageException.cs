namespace HeaderSync.Web.CommandLine;

/// <summary>The command line was not understood; the verb exits with <see cref="ExitCodes.Usage"/>.</summary>
public sealed class UsageException(string message) : Exception(message);
