using System.Text.Json;

namespace HeaderSync.Engine.Relevance;

/// <summary>
/// Header fields from a Graph message object as JSON (what `decide` reads from a `.json` file).
/// Every property is optional and any shape is accepted: what does not fit is left out.
/// </summary>
public static class GraphJsonHeaderFields
{
    public static HeaderFields FromJson(JsonElement message, FolderKind folder)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            return new HeaderFields { Folder = folder };
        }

        var fields = new HeaderFields
        {
            Folder = folder,
            From = Party(Property(message, "from")),
            Sender = Party(Property(message, "sender")),
            ReplyTo = Parties(Property(message, "replyTo")),
            To = Parties(Property(message, "toRecipients")),
            Cc = Parties(Property(message, "ccRecipients")),
            Bcc = Parties(Property(message, "bccRecipients")),
            Subject = String(message, "subject"),
            InternetMessageId = MessageIds.Normalize(String(message, "internetMessageId")),
            ConversationId = String(message, "conversationId"),
            InternetMessageHeaders = Headers(Property(message, "internetMessageHeaders")),
            SensitivityProperty = Sensitivity(Property(message, "singleValueExtendedProperties")),
        };
        return FieldReader.WithThreadHeaders(fields);
    }

    internal static JsonElement Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return default;
        }

        try
        {
            return element.TryGetProperty(name, out var value) ? value : default;
        }
        catch (InvalidOperationException)
        {
            // A property name escaping a lone surrogate cannot be compared; the property is left out.
            return default;
        }
    }

    internal static string? String(JsonElement element, string name)
    {
        var value = Property(element, name);
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // `"\uD800"` is valid JSON but no string; such a value is left out.
            return null;
        }
    }

    // Graph wraps every address as { "emailAddress": { "address": ..., "name": ... } }.
    private static EmailParty? Party(JsonElement recipient)
    {
        var emailAddress = Property(recipient, "emailAddress");
        var address = String(emailAddress, "address");
        return address is null ? null : new EmailParty(address, String(emailAddress, "name"));
    }

    private static List<EmailParty> Parties(JsonElement array)
    {
        var parties = new List<EmailParty>();
        if (array.ValueKind != JsonValueKind.Array)
        {
            return parties;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (Party(item) is { } party)
            {
                parties.Add(party);
            }
        }

        return parties;
    }

    private static List<EmailHeader>? Headers(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var headers = new List<EmailHeader>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            var name = String(item, "name");
            if (!string.IsNullOrWhiteSpace(name))
            {
                var value = FieldReader.DecodeHeaderValue(String(item, "value"));
                headers.Add(new EmailHeader(name, value));
            }
        }

        return headers;
    }

    private static int? Sensitivity(JsonElement array)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (!FieldReader.IsSensitivityId(String(item, "id")))
            {
                continue;
            }

            var value = Property(item, "value");
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            {
                return number;
            }

            return FieldReader.ParseSensitivity(String(item, "value"));
        }

        return null;
    }
}
