using System.Security.Cryptography;
using System.Text;

namespace MpWriter.Grains.Runs;

public static class RunIds
{
    /// <summary>
    /// The run id an idempotency key stands for: the same user, kind and key always name the same run, so a retry
    /// reaches the run the first attempt started, wherever it is.
    /// </summary>
    public static Guid FromIdempotencyKey(Guid userId, RunKind kind, string idempotencyKey)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{userId:N}|{kind}|{idempotencyKey}"), hash);
        var bytes = hash[..16];
        // RFC 9562 version 8 (custom) with the RFC variant bits.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
