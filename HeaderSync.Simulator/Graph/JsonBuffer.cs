using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HeaderSync.Simulator.Graph;

/// <summary>Writes one JSON document into memory with Graph's escaping (non-ASCII kept).</summary>
internal static class JsonBuffer
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
