using Microsoft.Graph.Models;

namespace HeaderSync.Engine.Relevance;

/// <summary>Header fields from a Graph SDK message, as the header pass receives it.</summary>
public static class GraphMessageHeaderFields
{
    public static HeaderFields FromMessage(Message message, FolderKind folder)
    {
        ArgumentNullException.ThrowIfNull(message);

        var fields = new HeaderFields
        {
            Folder = folder,
            From = Party(message.From),
            Sender = Party(message.Sender),
            ReplyTo = Parties(message.ReplyTo),
            To = Parties(message.ToRecipients),
            Cc = Parties(message.CcRecipients),
            Bcc = Parties(message.BccRecipients),
            Subject = message.Subject,
            InternetMessageId = MessageIds.Normalize(message.InternetMessageId),
            ConversationId = message.ConversationId,
            InternetMessageHeaders = Headers(message.InternetMessageHeaders),
            SensitivityProperty = Sensitivity(message.SingleValueExtendedProperties),
        };
        return FieldReader.WithThreadHeaders(fields);
    }

    private static EmailParty? Party(Recipient? recipient)
    {
        var address = recipient?.EmailAddress?.Address;
        return address is null ? null : new EmailParty(address, recipient!.EmailAddress!.Name);
    }

    private static List<EmailParty> Parties(List<Recipient>? recipients)
    {
        var parties = new List<EmailParty>(recipients?.Count ?? 0);
        if (recipients is null)
        {
            return parties;
        }

        foreach (var recipient in recipients)
        {
            if (Party(recipient) is { } party)
            {
                parties.Add(party);
            }
        }

        return parties;
    }

    private static List<EmailHeader>? Headers(List<InternetMessageHeader>? headers)
    {
        if (headers is null)
        {
            return null;
        }

        var result = new List<EmailHeader>(headers.Count);
        foreach (var header in headers)
        {
            if (!string.IsNullOrWhiteSpace(header?.Name))
            {
                var value = FieldReader.DecodeHeaderValue(header.Value);
                result.Add(new EmailHeader(header.Name, value));
            }
        }

        return result;
    }

    private static int? Sensitivity(List<SingleValueLegacyExtendedProperty>? properties)
    {
        if (properties is null)
        {
            return null;
        }

        foreach (var property in properties)
        {
            if (FieldReader.IsSensitivityId(property?.Id))
            {
                return FieldReader.ParseSensitivity(property!.Value);
            }
        }

        return null;
    }
}
