package br.com.healthmed.telehealth.jitsi;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthmed.telehealth.jitsi.*}: where the meeting rooms are.
 *
 * <p>Checked at start-up, so a wrong setting stops the service instead of handing out broken or
 * unsafe links: the base URL must be https (plain http only for a Jitsi on this machine), and with
 * token auth the app id and secret come together and the secret has at least 32 bytes (HS256 needs
 * a 256-bit key; a shorter one would be guessable offline from any link).
 *
 * @param baseUrl   the Jitsi Meet deployment; rooms are {@code <baseUrl><room name>}
 * @param appId     the {@code app_id} of a self-hosted Jitsi with token auth ({@code iss} of the tokens)
 * @param appSecret its {@code app_secret}, the HS256 key; never logged
 */
@ConfigurationProperties("healthmed.telehealth.jitsi")
public record JitsiProperties(
        @DefaultValue("https://meet.jit.si/") URI baseUrl,
        @Nullable String appId,
        @Nullable String appSecret) {

    static final int MIN_SECRET_BYTES = 32;

    public JitsiProperties {
        if (baseUrl == null || !baseUrl.isAbsolute() || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("healthmed.telehealth.jitsi.base-url must be an absolute URL, e.g. https://meet.jit.si/");
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null || baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("healthmed.telehealth.jitsi.base-url must not carry user info, a query or a fragment");
        }
        String scheme = baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(baseUrl.getHost()))) {
            throw new IllegalArgumentException("healthmed.telehealth.jitsi.base-url must be https (plain http only for localhost): "
                    + baseUrl);
        }
        if (!baseUrl.getRawPath().endsWith("/")) {
            baseUrl = URI.create(baseUrl + "/");
        }
        appId = blankToNull(appId);
        appSecret = blankToNull(appSecret);
        if ((appId == null) != (appSecret == null)) {
            throw new IllegalArgumentException("healthmed.telehealth.jitsi.app-id and app-secret go together: set both for "
                    + "token auth, or neither for a public Jitsi");
        }
        if (appSecret != null && appSecret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("healthmed.telehealth.jitsi.app-secret must be at least " + MIN_SECRET_BYTES
                    + " bytes (HS256 key), e.g. openssl rand -base64 48");
        }
    }

    /** Whether join links carry a signed token (self-hosted Jitsi with token auth). */
    public boolean tokenAuth() {
        return appSecret != null;
    }

    /** The Jitsi domain, the {@code sub} of the tokens: the base URL's host. */
    public String domain() {
        return baseUrl.getHost().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "JitsiProperties[baseUrl=" + baseUrl + ", appId=" + appId + ", appSecret=" + (appSecret == null ? "none" : "***") + "]";
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        // Only IP literals are checked: a name is never resolved here (it could be anything in DNS).
        if (!literal.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
