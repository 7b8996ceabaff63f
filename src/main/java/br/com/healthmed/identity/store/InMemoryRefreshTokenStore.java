package br.com.healthmed.identity.store;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.RefreshTokenStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Refresh tokens in memory: the embedded default. Expired entries are not purged; a local process
 * does not live long enough for that to matter (DynamoDB's TTL cleans the production table).
 */
class InMemoryRefreshTokenStore implements RefreshTokenStore {

    private final Map<String, Family> families = new ConcurrentHashMap<>();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    /** By time, then session id: the in-memory twin of the DynamoDB adapter's hourly index. */
    private final NavigableMap<String, Revocation> revocations = new ConcurrentSkipListMap<>();

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
    public List<Family> familiesOf(AccountId account) {
        return families.values().stream().filter(family -> family.account().equals(account)).toList();
    }

    @Override
    public void revokeFamily(Revocation revocation) {
        families.computeIfPresent(revocation.sessionId(), (id, f) -> {
            if (!f.revoked()) {
                revocations.put(sortKey(revocation.at(), id), revocation);
            }
            return new Family(f.id(), f.account(), f.createdAt(), f.expiresAt(), true);
        });
    }

    @Override
    public List<Revocation> revokedBetween(Instant from, Instant until) {
        return List.copyOf(revocations.subMap(sortKey(from, ""), true, sortKey(until, ""), false).values());
    }

    private static String sortKey(Instant at, String sessionId) {
        return String.format("%020d#%s", at.toEpochMilli(), sessionId);
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
