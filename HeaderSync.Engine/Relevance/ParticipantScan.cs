using HeaderSync.Engine.Basis;

namespace HeaderSync.Engine.Relevance;

/// <summary>
/// One pass over the participants that gathers what the address rules need, so each address is
/// normalised once. Stops at the first exclusion: nothing after it can change the decision.
/// </summary>
internal struct ParticipantScan
{
    private static readonly string[] NoReplyLocalParts =
    [
        "no-reply", "noreply", "do-not-reply", "donotreply",
        "mailer-daemon", "postmaster", "bounce", "bounces",
    ];

    public int Count { get; private set; }

    public bool AllInternal { get; private set; }

    public string? InternalDomain { get; private set; }

    public string? Excluded { get; private set; }

    public string? NoReplySender { get; private set; }

    public string? Prospect { get; private set; }

    public string? AccountDomain { get; private set; }

    public static ParticipantScan Run(HeaderFields email, BasisIndex basis)
    {
        var scan = new ParticipantScan { AllInternal = true };
        scan.Visit(email.From, basis, isSender: true);
        scan.Visit(email.Sender, basis, isSender: true);
        scan.VisitAll(email.ReplyTo, basis);
        scan.VisitAll(email.To, basis);
        scan.VisitAll(email.Cc, basis);
        if (email.Folder == FolderKind.Sent)
        {
            scan.VisitAll(email.Bcc, basis);
        }

        return scan;
    }

    private void VisitAll(IReadOnlyList<EmailParty>? parties, BasisIndex basis)
    {
        if (parties is null)
        {
            return;
        }

        for (var i = 0; i < parties.Count && Excluded is null; i++)
        {
            Visit(parties[i], basis, isSender: false);
        }
    }

    private void Visit(EmailParty? party, BasisIndex basis, bool isSender)
    {
        // An entry without a usable address (a group name, an X.500 path) is no participant.
        if (Excluded is not null
            || party?.Address is null
            || !EmailAddresses.TrySplit(party.Address, out var parts))
        {
            return;
        }

        Count++;
        var addressRoles = basis.Addresses.Match(parts.Address, out var listedAddress);
        if ((addressRoles & AddressRoles.Excluded) != 0)
        {
            Excluded = listedAddress;
            return;
        }

        var domain = basis.Domains.Match(parts.Domain);
        if (domain.Excluded is not null)
        {
            Excluded = domain.Excluded;
            return;
        }

        if (domain.Internal is not null)
        {
            InternalDomain ??= domain.Internal;
        }
        else
        {
            AllInternal = false;
        }

        if (isSender && NoReplySender is null && IsNoReply(parts.Local))
        {
            NoReplySender = EmailAddresses.ToLower(parts.Address);
        }

        if (Prospect is null && (addressRoles & AddressRoles.Prospect) != 0)
        {
            Prospect = listedAddress;
        }

        // A colleague's domain is never a prospect's account domain, whatever the basis says.
        if (AccountDomain is null && domain.Internal is null && domain.Account is not null)
        {
            AccountDomain = domain.Account;
        }
    }

    private static bool IsNoReply(ReadOnlySpan<char> local)
    {
        foreach (var candidate in NoReplyLocalParts)
        {
            if (local.Equals(candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
