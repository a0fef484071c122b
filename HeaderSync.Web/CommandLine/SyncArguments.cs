using HeaderSync.Data.Decisions;

namespace HeaderSync.Web.CommandLine;

/// <summary><c>sync (--mailbox ADDRESS_OR_GRAPH_ID ... | --all) [--full] [--mode header-only|standard]</c></summary>
public sealed record SyncArguments(IReadOnlyList<string> Mailboxes, bool All, bool Full, SyncMode? Mode)
{
    public const string Usage =
        "usage: sync (--mailbox ADDRESS_OR_GRAPH_ID ... | --all) [--full] [--mode header-only|standard]";

    public static SyncArguments Parse(IReadOnlyList<string> args)
    {
        var mailboxes = new List<string>();
        bool all = false, full = false;
        SyncMode? mode = null;

        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--mailbox":
                    var before = mailboxes.Count;
                    while (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                    {
                        mailboxes.Add(args[++i]);
                    }

                    if (mailboxes.Count == before)
                    {
                        throw new UsageException("--mailbox needs an address or Graph user id.");
                    }

                    break;
                case "--all":
                    all = true;
                    break;
                case "--full":
                    full = true;
                    break;
                case "--mode":
                    mode = i + 1 < args.Count ? ParseMode(args[++i]) : throw new UsageException(
                        "--mode needs header-only or standard.");
                    break;
                default:
                    throw new UsageException($"Unknown argument '{args[i]}'.");
            }
        }

        if (all == (mailboxes.Count > 0))
        {
            throw new UsageException("Give either --mailbox ... or --all.");
        }

        return new SyncArguments(mailboxes, all, full, mode);
    }

    private static SyncMode ParseMode(string value) => value switch
    {
        "header-only" => SyncMode.HeaderOnly,
        "standard" => SyncMode.Standard,
        _ => throw new UsageException($"--mode '{value}' is not header-only or standard."),
    };
}
