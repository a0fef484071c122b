using System.Text.Json;
using HeaderSync.Data.Decisions;
using HeaderSync.Engine.Relevance;

namespace HeaderSync.Tests.Relevance;

public sealed class GraphJsonHeaderFieldsTests
{
    private const string InboxMessage = """
        {
          "id": "AAMk1",
          "subject": "Offer",
          "internetMessageId": "<m1@fabrikam.com>",
          "conversationId": "AAQk1",
          "from": { "emailAddress": { "name": "bob@northwind.com", "address": "Ceo@Fabrikam.com" } },
          "sender": { "emailAddress": { "address": "ceo@fabrikam.com" } },
          "toRecipients": [ { "emailAddress": { "name": "Seller", "address": "seller@contoso.com" } } ],
          "ccRecipients": [],
          "replyTo": [ { "emailAddress": { "address": "office@fabrikam.com" } } ],
          "internetMessageHeaders": [
            { "name": "Subject", "value": "=?utf-8?q?Gr=C3=BC=C3=9Fe?=" },
            { "name": "In-Reply-To", "value": "<p1@contoso.com>" },
            { "name": "References", "value": "<r0@contoso.com> <p1@contoso.com>" }
          ],
          "singleValueExtendedProperties": [ { "id": "Integer 0x0036", "value": "0" } ]
        }
        """;

    [Fact]
    public void ReadsGraphPropertyNames()
    {
        var fields = FromJson(InboxMessage);

        Assert.Equal("Ceo@Fabrikam.com", fields.From?.Address);
        Assert.Equal("bob@northwind.com", fields.From?.Name);
        Assert.Equal("seller@contoso.com", Assert.Single(fields.To).Address);
        Assert.Equal("office@fabrikam.com", Assert.Single(fields.ReplyTo).Address);
        Assert.Equal("<m1@fabrikam.com>", fields.InternetMessageId);
        Assert.Equal("AAQk1", fields.ConversationId);
        Assert.Equal(0, fields.SensitivityProperty);
        Assert.Equal("Grüße", fields.InternetMessageHeaders![0].Value);
        Assert.Equal("<p1@contoso.com>", fields.InReplyTo);
        Assert.Equal(["<r0@contoso.com>", "<p1@contoso.com>"], fields.References);
    }

    [Fact]
    public void DisplayNameOfAProspectDoesNotMakeAProspect()
    {
        var outcome = Decide(FromJson(InboxMessage));

        Assert.Equal(DecisionReason.AccountDomain, outcome.Reason);
        Assert.Equal("fabrikam.com", outcome.Trace[5].Matched);
    }

    [Theory]
    [InlineData("{ \"id\": \"Integer 0x0036\", \"value\": \"2\" }", 2)]
    [InlineData("{ \"id\": \"integer 0x36\", \"value\": \"3\" }", 3)]
    [InlineData("{ \"id\": \"Integer 0x0036\", \"value\": 2 }", 2)]
    [InlineData("{ \"id\": \"String 0x0036\", \"value\": \"2\" }", null)]
    [InlineData("{ \"id\": \"Integer 0x0037\", \"value\": \"2\" }", null)]
    [InlineData("{ \"id\": \"Integer 0x0036\", \"value\": \"two\" }", null)]
    public void ReadsTheSensitivityPropertyHoweverSpelled(string property, int? expected)
    {
        var json = $$"""{ "singleValueExtendedProperties": [ {{property}} ] }""";

        Assert.Equal(expected, FromJson(json).SensitivityProperty);
    }

    [Fact]
    public void SentItemWithoutHeadersIsDecidedFromStructuredFieldsAndProperty()
    {
        const string sent = """
            {
              "from": { "emailAddress": { "address": "seller@contoso.com" } },
              "toRecipients": [ { "emailAddress": { "address": "colleague@contoso.com" } } ],
              "bccRecipients": [ { "emailAddress": { "address": "bob@northwind.com" } } ],
              "singleValueExtendedProperties": [ { "id": "Integer 0x0036", "value": "1" } ]
            }
            """;

        var fields = FromJson(sent, FolderKind.Sent);

        Assert.Null(fields.InternetMessageHeaders);
        Assert.Equal(DecisionReason.Prospect, Decide(fields).Reason);
        Assert.Equal(DecisionReason.Sensitive, Decide(fields with { SensitivityProperty = 2 }).Reason);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{ \"from\": \"jane@fabrikam.com\" }")]
    [InlineData("{ \"from\": { \"emailAddress\": { \"address\": 42 } } }")]
    [InlineData("{ \"toRecipients\": { \"emailAddress\": { \"address\": \"jane@fabrikam.com\" } } }")]
    [InlineData("{ \"toRecipients\": [ null, 1, \"x\", [], { \"emailAddress\": null } ] }")]
    [InlineData("{ \"internetMessageHeaders\": [ { \"name\": null }, { \"value\": \"x\" }, 7 ] }")]
    [InlineData("{ \"internetMessageHeaders\": { \"name\": \"List-Id\", \"value\": \"x\" } }")]
    [InlineData("{ \"singleValueExtendedProperties\": [ { \"id\": 54, \"value\": [] } ] }")]
    public void GarbageShapesGiveNoProspectInsteadOfThrowing(string json)
    {
        var outcome = Decide(FromJson(json));

        Assert.Equal(DecisionReason.NoProspect, outcome.Reason);
    }

    private static RelevanceOutcome Decide(HeaderFields fields) =>
        RelevanceDecider.Decide(fields, TestEmails.Basis, null);

    private static HeaderFields FromJson(string json, FolderKind folder = FolderKind.Inbox)
    {
        using var document = JsonDocument.Parse(json);
        return GraphJsonHeaderFields.FromJson(document.RootElement, folder);
    }
}
