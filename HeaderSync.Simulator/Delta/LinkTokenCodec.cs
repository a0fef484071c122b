using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace HeaderSync.Simulator.Delta;

/// <summary>
/// Encodes <see cref="LinkState"/> as an opaque token: the fields, then an HMAC over them with a
/// key derived from the seed, so a tampered token is refused and a restarted simulator with the
/// same seed still accepts its links.
/// </summary>
internal sealed class LinkTokenCodec(int seed)
{
    private const int MacLength = 16;
    private readonly byte[] _key =
        SHA256.HashData(Encoding.UTF8.GetBytes($"HeaderSync.Simulator/links/{seed}"));

    public string Encode(LinkState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((byte)1);
            writer.Write((byte)state.Kind);
            writer.Write(state.Mailbox);
            writer.Write(state.Folder);
            writer.Write(state.Select);
            writer.Write(state.Expand);
            writer.Write(state.Cursor);
            writer.Write(state.Offset);
            writer.Write(state.FromSequence);
            writer.Write(state.UpToSequence);
            writer.Write(state.FilterFrom);
            writer.Write(state.Returned);
            writer.Write(state.Page);
            writer.Write(state.PageSize);
            writer.Write(state.Filter);
        }

        var payload = stream.ToArray();
        var mac = HMACSHA256.HashData(_key, payload).AsSpan(0, MacLength);
        return Base64Url.EncodeToString([.. payload, .. mac]);
    }

    public LinkState? Decode(string token)
    {
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length <= MacLength)
        {
            return null;
        }

        var payload = bytes.AsSpan(0, bytes.Length - MacLength);
        var expected = HMACSHA256.HashData(_key, payload).AsSpan(0, MacLength);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(bytes.Length - MacLength)))
        {
            return null;
        }

        using var reader = new BinaryReader(new MemoryStream(payload.ToArray()), Encoding.UTF8);
        try
        {
            if (reader.ReadByte() != 1)
            {
                return null;
            }

            return new LinkState
            {
                Kind = (LinkKind)reader.ReadByte(),
                Mailbox = reader.ReadInt32(),
                Folder = reader.ReadInt32(),
                Select = reader.ReadString(),
                Expand = reader.ReadString(),
                Cursor = reader.ReadInt32(),
                Offset = reader.ReadInt32(),
                FromSequence = reader.ReadInt64(),
                UpToSequence = reader.ReadInt64(),
                FilterFrom = reader.ReadInt64(),
                Returned = reader.ReadInt32(),
                Page = reader.ReadInt32(),
                PageSize = reader.ReadInt32(),

                // Links made before the field existed end here.
                Filter = reader.BaseStream.Position < reader.BaseStream.Length ? reader.ReadString() : "",
            };
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }
}
