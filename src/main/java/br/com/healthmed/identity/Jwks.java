package br.com.healthmed.identity;

import org.springframework.stereotype.Component;

/** The JSON Web Key Set with the public key of the token signing key. */
@Component
public class Jwks {

    private final AccessTokens tokens;

    Jwks(AccessTokens tokens) {
        this.tokens = tokens;
    }

    /** {@code {"keys":[{...}]}} */
    public String json() {
        return tokens.jwks();
    }
}
