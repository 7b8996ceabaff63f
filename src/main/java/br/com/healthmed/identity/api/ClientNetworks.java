package br.com.healthmed.identity.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the security log shows a client address to the account's owner: its network, not the host
 * ({@code 203.0.113.0/24}, an IPv6 address's {@code /48}). Enough to tell "my home, my office, my
 * operator" from a stranger's network, without handing whoever holds a stolen session a list of the
 * owner's exact addresses. The whole address is stored, for investigations (docs/account.md).
 */
final class ClientNetworks {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ClientNetworks() {}

    static Optional<String> masked(String address) {
        if (IPV4.matcher(address).matches()) {
            return Optional.of(address.substring(0, address.lastIndexOf('.')) + ".0/24");
        }
        if (address.indexOf(':') < 0) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // an IPv6 literal: no lookup
            if (bytes.length != 16) {
                return Optional.empty();
            }
            return Optional.of(String.format("%x:%x:%x::/48", word(bytes, 0), word(bytes, 2), word(bytes, 4)));
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }

    private static int word(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 8) | (bytes[at + 1] & 0xff);
    }
}
