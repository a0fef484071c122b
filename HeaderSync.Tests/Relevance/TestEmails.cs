using HeaderSync.Engine.Basis;
using HeaderSync.Engine.Relevance;
using ExclusionKind = HeaderSync.Data.Basis.ExclusionKind;

namespace HeaderSync.Tests.Relevance;

/// <summary>Short ways to write the emails and the basis the relevance tests decide.</summary>
internal static class TestEmails
{
    public const string Internal = "contoso.com";

    /// <summary>Prospect jane (account fabrikam.com), prospect bob (no account domain), exclusions.</summary>
    public static BasisIndex Basis { get; } = BasisIndex.Create(CreateBasis());

    public static RelevanceBasis CreateBasis() => new()
    {
        InternalDomains = [Internal],
        Prospects =
        [
            new Prospect("jane@fabrikam.com", "Jane Doe", "Fabrikam", "fabrikam.com"),
            new Prospect("bob@northwind.com", "Bob"),
            new Prospect("anna@bücher.de"),
            new Prospect("\"bob smith\"@litware.com"),
            new Prospect("free@gmail.com", AccountDomain: "gmail.com"),
        ],
        AccountDomains = ["tailspin.com"],
        Exclusions =
        [
            new Exclusion(ExclusionKind.Address, "blocked@adatum.com"),
            new Exclusion(ExclusionKind.Domain, "spam.example"),
        ],
    };

    public static HeaderFields Inbound(string from, params string[] to) => new()
    {
        Folder = FolderKind.Inbox,
        From = new EmailParty(from),
        To = Parties(to.Length == 0 ? ["seller@contoso.com"] : to),
        InternetMessageHeaders = [],
    };

    public static HeaderFields Sent(string to, params string[] bcc) => new()
    {
        Folder = FolderKind.Sent,
        From = new EmailParty("seller@contoso.com"),
        To = Parties([to]),
        Bcc = Parties(bcc),
    };

    public static HeaderFields WithHeader(this HeaderFields email, string name, string value) =>
        email with { InternetMessageHeaders = [.. email.InternetMessageHeaders ?? [], new(name, value)] };

    public static List<EmailParty> Parties(IEnumerable<string> addresses) =>
        [.. addresses.Select(a => new EmailParty(a))];
}
