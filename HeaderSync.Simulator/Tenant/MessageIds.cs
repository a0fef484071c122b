using System.Buffers.Binary;
using System.Buffers.Text;

namespace HeaderSync.Simulator.Tenant;

/// <summary>
/// Message ids. The immutable id stays with a message for life; the default id also names the
/// folder, so it changes on a move unless the client asks for immutable ids, as Graph does.
/// </summary>
internal static class MessageIds
{
    private const string ImmutablePrefix = "AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A";
    private const string DefaultPrefix = "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAA";

    public static string Immutable(int mailbox, int index)
    {
        Span<byte> bytes = stackalloc byte[7];
        bytes[0] = 0x49;
        BinaryPrimitives.WriteUInt16BigEndian(bytes[1..], (ushort)mailbox);
        BinaryPrimitives.WriteInt32BigEndian(bytes[3..], index);
        return ImmutablePrefix + Encode(bytes);
    }

    public static string Default(int mailbox, int index, MailFolderKind folder)
    {
        Span<byte> bytes = stackalloc byte[8];
        bytes[0] = 0x44;
        BinaryPrimitives.WriteUInt16BigEndian(bytes[1..], (ushort)mailbox);
        BinaryPrimitives.WriteInt32BigEndian(bytes[3..], index);
        bytes[7] = (byte)folder;
        return DefaultPrefix + Encode(bytes);
    }

    /// <summary>Finds the message an id of either kind names; a stale default id still parses.</summary>
    public static bool TryParse(string id, out int mailbox, out int index)
    {
        mailbox = -1;
        index = -1;
        string payload;
        if (id.StartsWith(ImmutablePrefix, StringComparison.Ordinal))
        {
            payload = id[ImmutablePrefix.Length..];
        }
        else if (id.StartsWith(DefaultPrefix, StringComparison.Ordinal))
        {
            payload = id[DefaultPrefix.Length..];
        }
        else
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        if (Base64Url.DecodeFromChars(payload, bytes, out _, out var written) != System.Buffers.OperationStatus.Done
            || written < 7)
        {
            return false;
        }

        mailbox = BinaryPrimitives.ReadUInt16BigEndian(bytes[1..]);
        index = BinaryPrimitives.ReadInt32BigEndian(bytes[3..]);
        return true;
    }

    public static string Conversation(int mailbox, int rootIndex)
    {
        Span<byte> bytes = stackalloc byte[7];
        bytes[0] = 0x43;
        BinaryPrimitives.WriteUInt16BigEndian(bytes[1..], (ushort)mailbox);
        BinaryPrimitives.WriteInt32BigEndian(bytes[3..], rootIndex);
        return "AAQkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAQA" + Encode(bytes);
    }

    public static string Encode(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);
}
