package br.com.healthmed.platform.security;

/**
 * Turns a bearer access token into the {@link Caller} it proves. Implemented by the identity module,
 * which issues the tokens; the security chain only calls it.
 */
public interface AccessTokenVerifier {

    /**
     * @throws InvalidAccessTokenException when the token is malformed, forged, of the wrong type or
     *                                     audience, signed with another algorithm, or expired
     */
    Caller verify(String token);
}
