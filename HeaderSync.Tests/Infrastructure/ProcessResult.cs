namespace HeaderSync.Tests.Infrastructure;

internal sealed record ProcessResult(int ExitCode, string Output, string Error);
