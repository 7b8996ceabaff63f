package br.com.healthmed.scheduling;

import br.com.healthmed.platform.LocalRun;
import br.com.healthmed.platform.ratelimit.Networks;
import br.com.healthmed.platform.web.ClientAddress;
import br.com.healthmed.platform.web.ClientDevice;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Turns a booking request's network address and device into a {@link BookingOrigin} of keyed digests
 * (HMAC-SHA256 with {@code healthmed.booking-limits.origin-key}, 128 bits): equal inputs give equal
 * digests, so requests from one network or device can be compared and counted, but a stored digest
 * cannot be turned back into an IP address without the key (an unkeyed hash of an IPv4 address
 * could be, by trying all four billion).
 *
 * <p>The device is the app's {@code X-Device-Id} when sent; otherwise the network together with the
 * {@code User-Agent}, which tells apart browsers behind one address only roughly. Both are chosen by
 * the client: a determined attacker varies them, and then the network limits are what remains.
 */
@Component
public class OriginDigests {

    private static final Logger log = LoggerFactory.getLogger(OriginDigests.class);
    private static final String HMAC = "HmacSHA256";
    /** The default of {@code healthmed.booking-limits.origin-key}: known to everyone, so fit for development only. */
    static final String DEVELOPMENT_KEY = "local-development-origin-key";

    private final SecretKeySpec key;

    /**
     * Refuses to start with the published development key (or none) anywhere but a developer's local
     * run: with a known key anyone holding a stored digest could find the IPv4 address behind it by
     * trying all four billion, so the digests would be as good as the addresses themselves.
     */
    @Autowired
    OriginDigests(BookingLimitsProperties properties, Environment environment) {
        this(properties);
        if (!isSecret(properties.originKey())) {
            Optional<String> notLocal = environment.matchesProfiles("prod")
                    ? Optional.of("the prod profile is active") : LocalRun.notLocalBecause(environment);
            notLocal.ifPresent(why -> {
                throw new IllegalStateException("healthmed.booking-limits.origin-key (env HEALTHMED_BOOKINGLIMITS_ORIGINKEY) "
                        + "is the published development key or empty, and this is not a local run (" + why + "): "
                        + "set it to a secret of its own, e.g. openssl rand -base64 48 (Helm: secrets.bookingOriginKey).");
            });
            log.warn("healthmed.booking-limits.origin-key is the development default: fit for a local run only");
        }
    }

    /** Without the environment check (unit tests); an empty key means the development one, as in a local run. */
    OriginDigests(BookingLimitsProperties properties) {
        this.key = new SecretKeySpec((isSecret(properties.originKey()) ? properties.originKey() : DEVELOPMENT_KEY)
                .getBytes(StandardCharsets.UTF_8), HMAC);
    }

    private static boolean isSecret(String key) {
        return key != null && !key.isBlank() && !DEVELOPMENT_KEY.equals(key);
    }

    public BookingOrigin of(ClientAddress address, ClientDevice device) {
        Optional<String> known = Optional.ofNullable(address)
                .map(ClientAddress::value)
                .filter(a -> !a.isBlank() && !a.equals(ClientAddress.UNKNOWN.value()));
        Optional<String> network = known.map(Networks::of);
        Optional<String> wideNetwork = known.flatMap(Networks::wideOf);
        ClientDevice client = device == null ? ClientDevice.UNKNOWN : device;
        Optional<String> deviceDigest = client.deviceId().map(id -> digest("device", id))
                .or(() -> network.flatMap(n -> client.userAgent().map(agent -> digest("agent", n + "|" + agent))));
        return new BookingOrigin(network.map(n -> digest("network", n)), wideNetwork.map(n -> digest("wide-network", n)),
                deviceDigest);
    }

    private String digest(String kind, String value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
