namespace HeaderSync.Simulator.Generation;

/// <summary>
/// What a generated message is an example of. The name is served as <c>scenario</c>; the
/// expected decision and reason of each live in <see cref="ScenarioCatalog"/>.
/// </summary>
public enum Scenario : byte
{
    None,

    // Inbox, synced.
    ProspectInbound,
    ProspectInCc,
    ProspectUpperCaseAddress,
    ProspectEncodedWords,
    ProspectLowBcl,
    ProspectPersonalSensitivity,
    ProspectFreeMail,
    AccountDomainContact,
    AccountDomainSubdomain,
    AccountDomainPlusAddress,
    AccountDomainOddLocalPart,
    ThreadReply,

    // Inbox, ignored.
    SensitivePrivateHeader,
    SensitiveCompanyConfidential,
    SensitivePropertyOnly,
    ExcludedAddress,
    ExcludedDomain,
    ExcludedWildcardDomain,
    Newsletter,
    AutoReply,
    Bounce,
    ReadReceipt,
    NoReplySender,
    HighBcl,
    InternalOnly,
    InternalSubdomain,
    UnknownSender,
    DisplayNameSpoof,
    LookalikeDomain,
    ReplyWithoutProspect,

    // Sent items: structured fields and the sensitivity property only.
    SentToProspect,
    SentBccProspect,
    SentToAccountDomain,
    SentThreadReply,
    SentSensitive,
    SentToExcluded,
    SentInternal,
    SentToUnknown,

    // Drafts, deleted items, archive, junk: no expectation.
    OtherFolder,
}
