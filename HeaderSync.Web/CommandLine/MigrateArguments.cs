namespace HeaderSync.Web.CommandLine;

/// <summary><c>migrate</c>: takes no arguments.</summary>
public sealed record MigrateArguments;
