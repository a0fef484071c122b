using System.Text;
using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Relevance;
using MimeKit;

namespace HeaderSync.Tests.Relevance;

public sealed class MimeHeaderFieldsTests
{
    private const string Headers =
        "From: \"ceo@fabrikam.com\" <x@evil.com>\r\n" +
        "Sender: =?utf-8?q?J=C3=BCrgen?= <juergen@bücher.de>\r\n" +
        "To: Seller <seller@contoso.com>, Team: a@contoso.com, b@contoso.com;\r\n" +
        "Cc: <jane@fabrikam.com>\r\n" +
        "Subject: =?utf-8?b?R3LDvMOfZQ==?=\r\n" +
        "Message-ID: <m1@mail.evil.com>\r\n" +
        "In-Reply-To: <parent@fabrikam.com>\r\n" +
        "References: <root@fabrikam.com>\r\n <parent@fabrikam.com>\r\n" +
        "Content-Type: text/plain; charset=utf-8\r\n";

    [Fact]
    public async Task HeadersOnlyFileGivesEveryFieldWithDisplayNamesKeptApart()
    {
        var fields = await LoadAsync(Headers);

        Assert.Equal("x@evil.com", fields.From?.Address);
        Assert.Equal("ceo@fabrikam.com", fields.From?.Name);
        Assert.Equal("Jürgen", fields.Sender?.Name);
        Assert.Equal(["seller@contoso.com", "a@contoso.com", "b@contoso.com"], fields.To.Select(p => p.Address));
        Assert.Equal("jane@fabrikam.com", Assert.Single(fields.Cc).Address);
        Assert.Equal("Grüße", fields.Subject);
        Assert.Equal("<m1@mail.evil.com>", fields.InternetMessageId);
        Assert.Equal("<parent@fabrikam.com>", fields.InReplyTo);
        Assert.Equal(["<root@fabrikam.com>", "<parent@fabrikam.com>"], fields.References);
        Assert.Contains(fields.InternetMessageHeaders!, h => h.Name == "Content-Type");
    }

    [Fact]
    public async Task WholeMessageAndHeadersOnlyDecideAlike()
    {
        var whole = Headers + "\r\nHello Jane,\r\nsee you.\r\n";

        var fromWhole = await LoadAsync(whole);
        var fromHeaders = await LoadAsync(Headers);

        Assert.Equal(Decide(fromHeaders).Reason, Decide(fromWhole).Reason);
        Assert.Equal(DecisionReason.Prospect, Decide(fromWhole).Reason);
    }

    [Theory]
    [InlineData("Sensitivity: =?utf-8?q?Private?=", DecisionReason.Sensitive)]
    [InlineData("Sensitivity: Personal", DecisionReason.Prospect)]
    [InlineData("Content-Type: multipart/report; report-type=delivery-status; boundary=b", DecisionReason.Automated)]
    [InlineData("PRECEDENCE: =?us-ascii?q?bulk?=", DecisionReason.Automated)]
    [InlineData("List-Id: Fabrikam news\r\n <news.fabrikam.com>", DecisionReason.Automated)]
    public async Task EncodedAndFoldedHeadersDecide(string header, DecisionReason expected)
    {
        var fields = await LoadAsync("From: jane@fabrikam.com\r\nTo: seller@contoso.com\r\n" + header + "\r\n");

        Assert.Equal(expected, Decide(fields).Reason);
    }

    [Fact]
    public void ParsedMessageKeepsTheTopLevelContentType()
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Jane", "jane@fabrikam.com"));
        message.To.Add(new MailboxAddress("Seller", "seller@contoso.com"));
        message.Body = new Multipart("report");
        message.MessageId = "abc@fabrikam.com";

        var fields = MimeHeaderFields.FromMessage(message, FolderKind.Inbox);

        Assert.Equal("<abc@fabrikam.com>", fields.InternetMessageId);
        Assert.Equal(DecisionReason.Automated, Decide(fields).Reason);
    }

    [Fact]
    public async Task BrokenAddressLineStillNamesItsAddresses()
    {
        var fields = await LoadAsync("From: seller@contoso.com\r\nTo: <<blocked@adatum.com>>, \"unclosed\r\n");

        Assert.Equal(DecisionReason.Excluded, Decide(fields).Reason);
    }

    [Fact]
    public async Task BrokenEncodingsAndRawBytesStillDecide()
    {
        var bytes = Encoding.Latin1.GetBytes(
            "From: =?x-unknown?q?=FF=FE?= <jane@fabrikam.com>\r\nTo: \u00ff\u00fe@contoso.com\r\n" +
            "Subject: =?utf-8?b?####?=\r\nSensitivity: =?utf-8?q?Pri\r\n");

        var fields = await MimeHeaderFields.LoadAsync(new MemoryStream(bytes), FolderKind.Inbox, default);

        Assert.Equal(DecisionReason.Prospect, Decide(fields).Reason);
    }

    [Fact]
    public async Task BccOfAFileCountsOnlyWhenTheFolderIsSent()
    {
        var text = "From: seller@contoso.com\r\nTo: a@contoso.com\r\nBcc: bob@northwind.com\r\n";
        var fields = await LoadAsync(text);

        Assert.Equal(FolderKind.Sent, RelevanceDecider.FolderOfFile(fields, TestEmails.Basis));
        Assert.Equal(DecisionReason.InternalOnly, Decide(fields).Reason);
        Assert.Equal(DecisionReason.Prospect, Decide(fields with { Folder = FolderKind.Sent }).Reason);
    }

    private static RelevanceOutcome Decide(HeaderFields fields) =>
        RelevanceDecider.Decide(fields, TestEmails.Basis, null);

    private static Task<HeaderFields> LoadAsync(string text) =>
        MimeHeaderFields.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), FolderKind.Inbox, default);
}
