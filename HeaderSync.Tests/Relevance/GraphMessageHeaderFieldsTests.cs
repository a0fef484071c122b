using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Relevance;
using Microsoft.Graph.Models;

namespace HeaderSync.Tests.Relevance;

public sealed class GraphMessageHeaderFieldsTests
{
    [Fact]
    public void ReadsTheSdkMessage()
    {
        var message = new Message
        {
            From = Recipient("jane@fabrikam.com", "Jane"),
            ToRecipients = [Recipient("seller@contoso.com"), new Recipient(), null!],
            InternetMessageId = "<m1@fabrikam.com>",
            ConversationId = "AAQk1",
            InternetMessageHeaders =
            [
                new InternetMessageHeader { Name = "References", Value = "<a@b> <c@d>" },
                new InternetMessageHeader { Name = "X-Autoreply", Value = "=?utf-8?q?yes?=" },
            ],
            SingleValueExtendedProperties =
            [
                new SingleValueLegacyExtendedProperty { Id = "Integer 0x0036", Value = "3" },
            ],
        };

        var fields = GraphMessageHeaderFields.FromMessage(message, FolderKind.Inbox);

        Assert.Equal("Jane", fields.From?.Name);
        Assert.Equal("seller@contoso.com", Assert.Single(fields.To).Address);
        Assert.Equal(["<a@b>", "<c@d>"], fields.References);
        Assert.Equal("yes", fields.InternetMessageHeaders![1].Value);
        Assert.Equal(3, fields.SensitivityProperty);
        Assert.Equal("AAQk1", fields.ConversationId);
    }

    [Fact]
    public void SentMessageWithOnlyStructuredFieldsDecides()
    {
        var message = new Message
        {
            From = Recipient("seller@contoso.com"),
            ToRecipients = [Recipient("a@contoso.com")],
            BccRecipients = [Recipient("ceo@eu.fabrikam.com")],
        };

        var fields = GraphMessageHeaderFields.FromMessage(message, FolderKind.Sent);
        var outcome = RelevanceDecider.Decide(fields, TestEmails.Basis, null);

        Assert.Null(fields.InternetMessageHeaders);
        Assert.Equal(DecisionReason.AccountDomain, outcome.Reason);
    }

    [Fact]
    public void EmptyMessageIsNoProspect()
    {
        var fields = GraphMessageHeaderFields.FromMessage(new Message(), FolderKind.Inbox);

        Assert.Equal(DecisionReason.NoProspect, RelevanceDecider.Decide(fields, TestEmails.Basis, null).Reason);
    }

    private static Recipient Recipient(string address, string? name = null) =>
        new() { EmailAddress = new EmailAddress { Address = address, Name = name } };
}
