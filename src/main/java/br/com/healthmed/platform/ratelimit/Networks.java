package br.com.healthmed.platform.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The unit addresses are counted in: an IPv4 address as it is, an IPv6 address as its /64 network,
 * the block one subscriber usually holds, so rotating addresses inside it gains nothing.
 */
public final class Networks {

    private Networks() {}

    public static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // an IPv6 literal: no lookup
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : address;
        } catch (UnknownHostException notAnAddress) {
            return address;
        }
    }
}
