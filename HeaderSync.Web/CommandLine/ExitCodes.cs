namespace HeaderSync.Web.CommandLine;

/// <summary>The exit codes of the web executable's verbs; scripts rely on them.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
    public const int Configuration = 3;
    public const int MailboxHeld = 4;
}
