package br.com.healthmed.platform.web;

import java.util.List;
import org.apache.catalina.util.NetMask;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code healthmed.web.trusted-proxies}: the networks (CIDRs; a bare address is one host) whose
 * connections may say, in {@code X-Forwarded-For} and {@code X-Forwarded-Proto}, whom they forward
 * for: in AWS the load balancer's subnets. From anyone else these headers are ignored and the client
 * is the TCP peer, so a caller cannot pick the address that login throttling counts and logs show.
 * Empty (the default) trusts no one; the {@code local} profile trusts loopback.
 *
 * <p>The one place that decides a request's client address: {@link TrustedProxiesConfig} applies it
 * to the web server, and everything after it ({@link ClientAddress}, the servlet request's remote
 * address, WebSocket handshakes) sees the result.
 */
@ConfigurationProperties("healthmed.web")
public record TrustedProxies(List<String> trustedProxies) {

    public TrustedProxies {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::trim).filter(cidr -> !cidr.isEmpty()).map(TrustedProxies::asCidr).toList();
    }

    public boolean trustsNone() {
        return trustedProxies.isEmpty();
    }

    /** {@code 10.0.0.0/24} as it is, {@code 10.0.0.7} as {@code 10.0.0.7/32}; refuses what is not a network. */
    private static String asCidr(String value) {
        String cidr = value.contains("/") ? value : value + (value.contains(":") ? "/128" : "/32");
        try {
            new NetMask(cidr);
        } catch (IllegalArgumentException notANetwork) {
            throw new IllegalArgumentException("healthmed.web.trusted-proxies: '" + value
                    + "' is not a network in CIDR notation (e.g. 10.0.0.0/24)", notANetwork);
        }
        return cidr;
    }
}
