using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Basis;

namespace HeaderSync.Engine.Relevance;

/// <summary>
/// What would decide an email the other way: changes to a copy of the basis, each proven by
/// deciding the email again with it. An ignored email is unblocked first (every exclusion that
/// matches it removed, or an admin-added internal domain), then one prospect or account domain
/// is added; a synced one is flipped by one exclusion. Pure, like the decision itself.
/// </summary>
public static class FlipSearch
{
    private const int MaxFlips = 8;
    private const int MaxInternalDomainsTried = 3;

    public static FlipSearchResult Run(
        HeaderFields email,
        RelevanceBasis basis,
        IReadOnlySet<string> verifiedInternalDomains,
        IThreadLookup? threads)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(basis);
        ArgumentNullException.ThrowIfNull(verifiedInternalDomains);

        var search = new Search(email, verifiedInternalDomains, threads,
            RelevanceDecider.Decide(email, BasisIndex.Create(basis), threads));
        return search.Decided.Decision == Decision.Synced ? search.ForSynced(basis) : search.ForIgnored(basis);
    }

    private sealed record Search(
        HeaderFields Email, IReadOnlySet<string> Verified, IThreadLookup? Threads, RelevanceOutcome Decided)
    {
        public FlipSearchResult ForIgnored(RelevanceBasis basis)
        {
            // Every exclusion that matches a participant stands in the way: all of them must go.
            var outcome = Decided;
            var changes = new List<BasisChange>();
            var exclusions = basis.Exclusions.Count;
            while (outcome.Reason == DecisionReason.Excluded && changes.Count < exclusions)
            {
                var removal = new BasisChange(BasisChangeKind.RemoveExclusion, MatchedBy(outcome));
                changes.Add(removal);
                basis = removal.ApplyTo(basis);
                outcome = Decide(basis);
            }

            switch (outcome.Reason)
            {
                case DecisionReason.Sensitive:
                    return Blocked(FlipBlocker.Sensitive,
                        $"Sensitive ({MatchedBy(outcome)}): private and confidential emails are never synced, "
                        + "whatever the basis holds.");
                case DecisionReason.Automated:
                    return Blocked(FlipBlocker.Automated,
                        $"Automated ({MatchedBy(outcome)}): machine-sent mail is never synced, "
                        + "whatever the basis holds.");
                case DecisionReason.Excluded:
                    return Blocked(FlipBlocker.None, "The exclusions that match this email could not be removed.");
                case DecisionReason.InternalOnly:
                    return ForInternalOnly(basis, changes);
            }

            if (outcome.Decision == Decision.Synced)
            {
                return Found([new BasisFlip(changes, outcome)]);
            }

            var flips = AddOne(basis, changes);
            return flips.Count > 0
                ? Found(flips)
                : Blocked(FlipBlocker.NoExternalParticipant,
                    "The email names nobody outside the organisation who could be added as a prospect.");
        }

        // A synced email is ignored from the moment its prospect, account domain or sender is excluded.
        public FlipSearchResult ForSynced(RelevanceBasis basis)
        {
            var index = BasisIndex.Create(basis);
            var value = Decided.Reason is DecisionReason.Prospect or DecisionReason.AccountDomain
                ? MatchedBy(Decided)
                : Participants().Select(p => p.Address).FirstOrDefault(a => !index.IsInternalAddress(a));
            if (string.IsNullOrEmpty(value))
            {
                return Blocked(FlipBlocker.NoExternalParticipant,
                    "The email names nobody outside the organisation who could be excluded.");
            }

            var exclusion = new BasisChange(BasisChangeKind.AddExclusion, value);
            var flipped = Decide(exclusion.ApplyTo(basis));
            return flipped.Decision == Decision.Ignored
                ? Found([new BasisFlip([exclusion], flipped)])
                : Blocked(FlipBlocker.None, $"Excluding {value} does not ignore this email.");
        }

        // Only an admin-added internal domain can go; removing it turns its people external, and
        // one of them must then be added as a prospect as well.
        private FlipSearchResult ForInternalOnly(RelevanceBasis basis, List<BasisChange> changes)
        {
            var removable = Participants()
                .SelectMany(p => basis.InternalDomains.Where(d => DomainNames.IsWithin(p.Domain, d)))
                .Where(d => !Verified.Contains(d))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(MaxInternalDomainsTried)
                .ToList();

            var flips = new List<BasisFlip>();
            foreach (var domain in removable)
            {
                var removal = new BasisChange(BasisChangeKind.RemoveInternalDomain, domain);
                var without = removal.ApplyTo(basis);
                if (Decide(without).Reason != DecisionReason.InternalOnly)
                {
                    flips.AddRange(AddOne(without, [.. changes, removal]));
                }
            }

            return flips.Count > 0
                ? Found(flips)
                : Blocked(FlipBlocker.VerifiedInternalDomains,
                    "Every participant is in an internal domain verified in the tenant: such a domain cannot "
                    + "be removed, and mail among colleagues is never synced.");
        }

        private List<BasisFlip> AddOne(RelevanceBasis basis, List<BasisChange> before)
        {
            var index = BasisIndex.Create(basis);
            var flips = new List<BasisFlip>();
            var triedDomains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (address, domain) in Participants())
            {
                if (flips.Count >= MaxFlips)
                {
                    break;
                }

                if (index.IsInternalAddress(address))
                {
                    continue;
                }

                TryAdding(new BasisChange(BasisChangeKind.AddProspect, address));
                if (basis.AccountDomainMatching && !FreeMailDomains.Contains(domain) && triedDomains.Add(domain))
                {
                    TryAdding(new BasisChange(BasisChangeKind.AddAccountDomain, domain));
                }
            }

            return flips;

            void TryAdding(BasisChange change)
            {
                var outcome = Decide(change.ApplyTo(basis));
                if (outcome.Decision == Decision.Synced)
                {
                    flips.Add(new BasisFlip([.. before, change], outcome));
                }
            }
        }

        private RelevanceOutcome Decide(RelevanceBasis basis) =>
            RelevanceDecider.Decide(Email, BasisIndex.Create(basis), Threads);

        /// <summary>The participants' normalised addresses and domains, each once, in rule order.</summary>
        private IEnumerable<(string Address, string Domain)> Participants()
        {
            IEnumerable<EmailParty?> parties =
            [
                Email.From, Email.Sender, .. Email.ReplyTo ?? [], .. Email.To ?? [], .. Email.Cc ?? [],
                .. Email.Folder == FolderKind.Sent ? Email.Bcc ?? [] : [],
            ];
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var party in parties)
            {
                if (EmailAddresses.Normalize(party?.Address) is { } address && seen.Add(address))
                {
                    yield return (address, address[(address.LastIndexOf('@') + 1)..]);
                }
            }
        }

        private FlipSearchResult Found(List<BasisFlip> flips)
        {
            var fewest = flips.Min(f => f.Changes.Count);
            return new(Decided, [.. flips.Where(f => f.Changes.Count == fewest).Take(MaxFlips)], FlipBlocker.None, null);
        }

        private FlipSearchResult Blocked(FlipBlocker blocker, string explanation) =>
            new(Decided, [], blocker, explanation);

        private static string MatchedBy(RelevanceOutcome outcome) =>
            outcome.Trace.FirstOrDefault(t => t.Result == RuleResult.Decisive).Matched ?? string.Empty;
    }
}
