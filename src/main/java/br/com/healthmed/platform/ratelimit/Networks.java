package br.com.healthmed.platform.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The units addresses are counted in. {@link #of}: an IPv4 address as it is, an IPv6 address as its
 * /64 network, the block one subscriber usually holds, so rotating addresses inside it gains nothing.
 * {@link #wideOf}: an IPv6 address's /48 as well, because many subscribers hold a /56 or a /48
 * (256 to 65,536 /64s) and could otherwise spread their requests over that many networks.
 */
public final class Networks {

    private Networks() {}

    public static String of(String address) {
        return ipv6(address).map(bytes -> prefix(bytes, 8) + "::/64").orElse(address);
    }

    /** The /48 of an IPv6 address; empty for IPv4 (one address is already the narrowest unit) and non-addresses. */
    public static Optional<String> wideOf(String address) {
        return ipv6(address).map(bytes -> prefix(bytes, 6) + "::/48");
    }

    private static Optional<byte[]> ipv6(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // an IPv6 literal: no lookup
            return bytes.length == 16 ? Optional.of(bytes) : Optional.empty();
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private static String prefix(byte[] bytes, int length) {
        return HexFormat.of().formatHex(bytes, 0, length);
    }
}
