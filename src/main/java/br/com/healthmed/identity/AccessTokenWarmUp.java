package br.com.healthmed.identity;

import br.com.healthmed.platform.WarmUpStep;
import br.com.healthmed.platform.security.InvalidAccessTokenException;
import br.com.healthmed.platform.security.RevocationsNotKnownException;
import io.jsonwebtoken.Jwts;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Warms the check of an access token: a token with this instance's key id and the claims of ours,
 * signed by a key made here and thrown away, so the ES256 check runs in full and refuses it. (The
 * check is the first thing every authenticated request does; cold, it was a good part of a restarted
 * instance's slow first burst.)
 */
@Component
class AccessTokenWarmUp implements WarmUpStep {

    private final AccessTokens tokens;
    private final String forged;

    AccessTokenWarmUp(AccessTokens tokens, SigningKey key) {
        this.tokens = tokens;
        this.forged = Jwts.builder().header().keyId(key.keyId()).type(AccessTokens.TYPE).and()
                .subject(UUID.randomUUID().toString()).claim("role", "PATIENT").claim("sid", "warm-up")
                .expiration(Date.from(Instant.now().plusSeconds(900)))
                .signWith(Jwts.SIG.ES256.keyPair().build().getPrivate(), Jwts.SIG.ES256).compact();
    }

    @Override
    public void run(int round) {
        try {
            tokens.verify(forged);
            throw new IllegalStateException("A token signed by a foreign key verified");
        } catch (InvalidAccessTokenException | RevocationsNotKnownException refused) {
            // as it must be
        }
    }
}
