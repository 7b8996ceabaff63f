package br.com.healthmed.identity;

import br.com.healthmed.platform.security.AccessTokenVerifier;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.InvalidAccessTokenException;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.platform.security.SessionRevocations;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.UnsupportedJwtException;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies access tokens: ES256-signed JWTs with {@code iss}, {@code aud}, {@code sub}
 * (the account id), {@code role}, {@code sid} (the login session), {@code jti}, {@code iat},
 * {@code exp}, and the header {@code typ: at+jwt} (RFC 9068) with the key's {@code kid}.
 *
 * <p>Verification accepts only ES256 with our key (so {@code alg: none} and HMAC-with-the-public-key
 * tricks fail), and requires our issuer, audience, type and an unexpired {@code exp}. No clock skew
 * is allowed: the tokens are issued and verified by the same service.
 *
 * <p>During a signing-key rotation, tokens signed by the other key in play
 * ({@code healthmed.security.jwt.previous-public-keys}) verify too, chosen by their {@code kid}, and
 * the JWKS publishes both: a rotation logs no one out (README, "Rotating the signing key").
 *
 * <p>A token of a revoked session ({@link RevokedSessions}) is refused although it verifies.
 */
@Component
class AccessTokens implements AccessTokenVerifier {

    static final String TYPE = "at+jwt";

    /** Tokens remembered as verified; at ~1 KiB each, a few tens of MiB at most. */
    private static final int MAX_REMEMBERED = 50_000;

    private static final Logger log = LoggerFactory.getLogger(AccessTokens.class);

    private final SigningKey key;
    /** Every key whose tokens verify, by key id: the signing key's and those of a rotation. */
    private final Map<String, ECPublicKey> verificationKeys;
    private final TokenProperties properties;
    private final Clock clock;
    private final SessionRevocations revoked;
    private final JwtParser parser;
    private final Map<String, Caller> verified = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);

    AccessTokens(SigningKey key, TokenProperties properties, Clock clock, SessionRevocations revoked) {
        this.revoked = revoked;
        this.key = key;
        Map<String, ECPublicKey> keys = new LinkedHashMap<>();
        keys.put(key.keyId(), key.publicKey());
        SigningKey.publicKeysFromPem(properties.previousPublicKeys()).forEach(keys::putIfAbsent);
        this.verificationKeys = Map.copyOf(keys);
        if (keys.size() > 1) {
            log.info("Accepting access tokens of {} keys during a rotation: {}", keys.size(), keys.keySet());
        }
        this.properties = properties;
        this.clock = clock;
        this.parser = Jwts.parser()
                // ES256 only, checked by Es256Verification: the same check as jjwt's at a tenth of the CPU
                .sig().clear().add(new Es256Verification(verificationKeys.values())).and()
                .keyLocator(new LocatorAdapter<Key>() {
                    @Override
                    protected Key locate(ProtectedHeader header) {
                        ECPublicKey verifying = header.getKeyId() == null ? null : verificationKeys.get(header.getKeyId());
                        if (verifying == null) {
                            throw new UnsupportedJwtException("unknown key id");
                        }
                        return verifying;
                    }
                })
                .requireIssuer(properties.issuer())
                .requireAudience(properties.audience())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    record Issued(String token, Instant expiresAt) {}

    Issued issue(Account account, String sessionId) {
        // JWT times are whole seconds: truncate first, so the advertised expiry is exactly the token's exp.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(properties.accessTokenTtl());
        String token = Jwts.builder()
                .header().type(TYPE).keyId(key.keyId()).and()
                .issuer(properties.issuer())
                .audience().add(properties.audience()).and()
                .subject(account.id().toString())
                .claim("role", account.role().name())
                .claim("sid", sessionId)
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .signWith(key.privateKey(), Jwts.SIG.ES256)
                .compact();
        return new Issued(token, expiresAt);
    }

    /** A valid token of a session that has not been revoked: the caller it proves. */
    @Override
    public Caller verify(String token) {
        Caller caller = verifyToken(token);
        if (revoked.isRevoked(caller.sessionId())) {
            throw InvalidAccessTokenException.sessionRevoked();
        }
        return caller;
    }

    private Caller verifyToken(String token) {
        // A client sends the same token with every request for up to 15 minutes; an ES256 check costs
        // about a millisecond of CPU, so each token is verified once and remembered until it expires.
        if (token == null || token.isEmpty()) {
            throw new InvalidAccessTokenException("invalid", false);
        }
        Caller known = verified.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.expiresAt())) {
                return known;
            }
            verified.remove(token);
            throw new InvalidAccessTokenException("expired", true);
        }
        Caller caller = verifySignatureAndClaims(token);
        remember(token, caller);
        return caller;
    }

    /**
     * Remembers a verified token. When full, expired entries are swept (at most every ten seconds);
     * if it is still full the token is simply not remembered. Never clearing means nobody can flush
     * everyone else's entries by minting tokens.
     */
    private void remember(String token, Caller caller) {
        if (verified.size() >= MAX_REMEMBERED) {
            Instant now = clock.instant();
            Instant last = lastSweep.get();
            if (now.isAfter(last.plusSeconds(10)) && lastSweep.compareAndSet(last, now)) {
                verified.values().removeIf(c -> !now.isBefore(c.expiresAt()));
            }
            if (verified.size() >= MAX_REMEMBERED) {
                return;
            }
        }
        verified.put(token, caller);
    }

    private Caller verifySignatureAndClaims(String token) {
        Jws<Claims> jws;
        try {
            jws = parser.parseSignedClaims(token);
        } catch (ExpiredJwtException expired) {
            throw new InvalidAccessTokenException("expired", true);
        } catch (JwtException | IllegalArgumentException invalid) {
            log.debug("Refused access token: {}", invalid.getMessage());
            throw new InvalidAccessTokenException("invalid", false);
        }
        if (!TYPE.equals(jws.getHeader().getType()) || !verificationKeys.containsKey(jws.getHeader().getKeyId())) {
            throw new InvalidAccessTokenException("invalid", false);
        }
        Claims claims = jws.getPayload();
        if (claims.getExpiration() == null) {
            throw new InvalidAccessTokenException("invalid", false);
        }
        Instant expiresAt = claims.getExpiration().toInstant();
        // jjwt accepts a token at the very instant of its exp; RFC 7519 says it has expired then.
        if (!clock.instant().isBefore(expiresAt)) {
            throw new InvalidAccessTokenException("expired", true);
        }
        try {
            return new Caller(
                    AccountId.of(claims.getSubject()).toString(),
                    Role.valueOf(claims.get("role", String.class)),
                    claims.get("sid", String.class),
                    expiresAt);
        } catch (RuntimeException malformed) {
            throw new InvalidAccessTokenException("invalid", false);
        }
    }

    /** {@code {"keys":[...]}} with the public keys (the signing key's first), for {@code /.well-known/jwks.json}. */
    String jwks() {
        StringJoiner keys = new StringJoiner(",", "{\"keys\":[", "]}");
        keys.add(key.publicJwkJson());
        verificationKeys.forEach((keyId, publicKey) -> {
            if (!keyId.equals(key.keyId())) {
                keys.add(SigningKey.publicJwkJson(keyId, publicKey));
            }
        });
        return keys.toString();
    }
}
