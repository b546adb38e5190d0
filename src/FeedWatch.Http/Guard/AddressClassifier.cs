using System.Net;
using System.Net.Sockets;

namespace FeedWatch.Http.Guard;

/// <summary>Decides whether an address is on the public internet; everything else is refused by default (SSRF guard).</summary>
public static class AddressClassifier
{
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IsPublicV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IsPublicV6(address),
            _ => false,
        };
    }

    private static bool IsPublicV4(byte[] b) => !(
        b[0] == 0                                   // "this network"
        || b[0] == 10                               // private
        || b[0] == 127                              // loopback
        || (b[0] == 100 && (b[1] & 0xC0) == 64)     // carrier-grade NAT 100.64/10
        || (b[0] == 169 && b[1] == 254)             // link-local (cloud metadata lives here)
        || (b[0] == 172 && (b[1] & 0xF0) == 16)     // private 172.16/12
        || (b[0] == 192 && b[1] == 168)             // private
        || (b[0] == 192 && b[1] == 0 && b[2] == 0)  // IETF protocol assignments
        || (b[0] == 192 && b[1] == 0 && b[2] == 2)  // documentation TEST-NET-1 (some hosts give it to local interfaces)
        || (b[0] == 198 && b[1] == 51 && b[2] == 100) // documentation TEST-NET-2
        || (b[0] == 203 && b[1] == 0 && b[2] == 113)  // documentation TEST-NET-3
        || (b[0] == 198 && (b[1] & 0xFE) == 18)     // benchmarking 198.18/15
        || b[0] >= 224);                            // multicast, reserved, broadcast

    private static bool IsPublicV6(IPAddress address)
    {
        if (IPAddress.IPv6Loopback.Equals(address) || IPAddress.IPv6None.Equals(address)
            || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal)
        {
            return false;
        }

        var b = address.GetAddressBytes();
        // IPv4-compatible (::a.b.c.d, so ::127.0.0.1 too) embeds a v4 address that must be checked.
        if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0)
        {
            return IsPublicV4(b[12..]);
        }

        // IPv4-translated ::ffff:0:a.b.c.d (RFC 2765); IPv4-mapped ::ffff:a.b.c.d was unwrapped above.
        if (b.AsSpan(0, 8).IndexOfAnyExcept((byte)0) < 0 && b[8] == 0xff && b[9] == 0xff && b[10] == 0 && b[11] == 0)
        {
            return IsPublicV4(b[12..]);
        }

        // Discard-only 100::/64: never a real destination.
        if (b[0] == 0x01 && b[1] == 0x00 && b.AsSpan(2, 6).IndexOfAnyExcept((byte)0) < 0)
        {
            return false;
        }

        // Teredo 2001::/32 tunnels to an (obfuscated) v4 address, and 2001:db8::/32 is documentation: neither is a news site.
        if (b[0] == 0x20 && b[1] == 0x01 && ((b[2] == 0x00 && b[3] == 0x00) || (b[2] == 0x0d && b[3] == 0xb8)))
        {
            return false;
        }

        // 6to4 2002::/16 carries the v4 address in bits 16–47.
        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return IsPublicV4(b[2..6]);
        }

        // NAT64: the well-known 64:ff9b::/96 embeds a v4 address; the local-use 64:ff9b:1::/48 is private by definition.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b)
        {
            return b[4] == 0 && b[5] == 0 && b.AsSpan(6, 6).IndexOfAnyExcept((byte)0) < 0 && IsPublicV4(b[12..]);
        }

        return true;
    }
}
