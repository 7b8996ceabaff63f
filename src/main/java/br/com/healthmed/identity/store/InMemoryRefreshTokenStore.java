package br.com.healthmed.identity.store;

import br.com.healthmed.identity.RefreshTokenStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refresh tokens in memory: the embedded default. Expired entries are not purged; a local process
 * does not live long enough for that to matter (DynamoDB's TTL cleans the production table).
 */
class InMemoryRefreshTokenStore implements RefreshTokenStore {

    private final Map<String, Family> families = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    @Override
    public void createFamily(Family family) {
        if (families.putIfAbsent(family.id(), family) != null) {
            throw new IllegalStateException("Family " + family.id() + " exists");
        }
    }

    @Override
    public Optional<Family> family(String familyId) {
        return Optional.ofNullable(families.get(familyId));
    }

    @Override
    public void revokeFamily(String familyId) {
        families.computeIfPresent(familyId,
                (id, f) -> new Family(f.id(), f.account(), f.createdAt(), f.expiresAt(), true));
    }

    @Override
    public void saveToken(Token token) {
        tokens.put(token.hash(), token);
    }

    @Override
    public Optional<Token> token(String hash) {
        return Optional.ofNullable(tokens.get(hash));
    }

    @Override
    public boolean markUsed(String hash, Instant at) {
        boolean[] marked = {false};
        tokens.computeIfPresent(hash, (h, t) -> {
            if (t.usedAt().isPresent()) {
                return t;
            }
            marked[0] = true;
            return new Token(t.hash(), t.familyId(), t.issuedAt(), t.expiresAt(), Optional.of(at));
        });
        return marked[0];
    }
}
