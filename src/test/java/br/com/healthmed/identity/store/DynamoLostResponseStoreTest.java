package br.com.healthmed.identity.store;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.Cpf;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.LoginClaim;
import br.com.healthmed.identity.LoginClaimStore.Holder;
import br.com.healthmed.identity.PatientAccount;
import br.com.healthmed.identity.Phone;
import br.com.healthmed.identity.RefreshTokenStore.Family;
import br.com.healthmed.identity.RefreshTokenStore.Token;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.support.Dynalite;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The DynamoDB adapters when a conditional write is applied but its response is lost: the SDK retries
 * the same write, and the retry fails its own condition. {@link LoseOneResponse}, an interceptor on a
 * dedicated client, turns the first successful response of one operation into a retryable
 * {@code 500 InternalServerError} after dynalite applied the write, so the SDK's own retry re-sends it.
 */
class DynamoLostResponseStoreTest {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private final LoseOneResponse lose = new LoseOneResponse();
    private final DynamoDbClient client = Dynalite.clientWith(lose);
    private final DynamoTable table = new DynamoTable(client, "test-" + UUID.randomUUID()).createIfMissing();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aRetriedMarkUsedThatWasAppliedIsTheCallersOwnUse() {
        DynamoRefreshTokenStore store = new DynamoRefreshTokenStore(table);
        Family family = new Family(UUID.randomUUID().toString(), AccountId.random(), NOW, NOW.plus(Duration.ofDays(30)), false);
        store.createFamily(family);
        Token token = new Token("hash-" + UUID.randomUUID(), family.id(), NOW, family.expiresAt(), Optional.empty());
        store.saveToken(token);

        lose.nextSuccessOf("UpdateItem");
        boolean marked = store.markUsed(token.hash(), NOW.plusSeconds(5));

        assertThat(lose.lost()).isEqualTo(1);
        assertThat(lose.sent("UpdateItem")).isEqualTo(2);
        assertThat(marked).isTrue();
        assertThat(store.token(token.hash()).orElseThrow().usedAt()).contains(NOW.plusSeconds(5));
        assertThat(store.markUsed(token.hash(), NOW.plusSeconds(6))).isFalse();
        assertThat(store.token(token.hash()).orElseThrow().usedAt()).contains(NOW.plusSeconds(5));
    }

    @Test
    void aRetriedClaimThatWasAppliedIsTaken() {
        DynamoLoginClaimStore store = new DynamoLoginClaimStore(table);
        LoginClaim claim = new LoginClaim(LoginClaim.Kind.EMAIL, UUID.randomUUID() + "@example.com");
        AccountId owner = AccountId.random();

        lose.nextSuccessOf("PutItem");
        boolean claimed = store.claim(claim, owner, NOW);

        assertThat(lose.lost()).isEqualTo(1);
        assertThat(lose.sent("PutItem")).isEqualTo(2);
        assertThat(claimed).isTrue();
        assertThat(store.holder(claim)).contains(new Holder(owner, NOW));
        assertThat(store.claim(claim, AccountId.random(), NOW)).isFalse();
    }

    @Test
    void aRetriedTransferThatWasAppliedMovedTheClaim() {
        DynamoLoginClaimStore store = new DynamoLoginClaimStore(table);
        LoginClaim claim = new LoginClaim(LoginClaim.Kind.CPF, UUID.randomUUID().toString());
        AccountId abandoned = AccountId.random();
        AccountId newcomer = AccountId.random();
        store.claim(claim, abandoned, NOW);

        lose.nextSuccessOf("UpdateItem");
        boolean moved = store.transfer(claim, abandoned, newcomer, NOW.plusSeconds(1));

        assertThat(lose.lost()).isEqualTo(1);
        assertThat(lose.sent("UpdateItem")).isEqualTo(2);
        assertThat(moved).isTrue();
        assertThat(store.holder(claim)).contains(new Holder(newcomer, NOW.plusSeconds(1)));
        assertThat(store.transfer(claim, abandoned, AccountId.random(), NOW.plusSeconds(2))).isFalse();
    }

    @Test
    void aRetriedCreateThatWasAppliedSucceedsAndStoresTheAccountOnce() {
        DynamoAccountStore store = new DynamoAccountStore(table);
        PatientAccount patient = new PatientAccount(AccountId.random(), "Ana Souza", new Email("ana@example.com"),
                new Cpf("52998224725"), LocalDate.of(1990, 5, 17), Optional.of(new Phone("+5511987654321")),
                "{argon2}hash", NOW);

        lose.nextSuccessOf("PutItem");
        store.create(patient);

        assertThat(lose.lost()).isEqualTo(1);
        assertThat(lose.sent("PutItem")).isEqualTo(2);
        assertThat(store.find(patient.id())).contains(patient);
        assertThat(client.scan(b -> b.tableName(table.name())).count()).isEqualTo(1);
    }

    /**
     * Makes the SDK believe that the first successful response of an operation was an internal server
     * error, which it retries. The write itself reached dynalite and was applied; only its response is lost.
     */
    static final class LoseOneResponse implements ExecutionInterceptor {

        private static final ExecutionAttribute<Boolean> LOSING = new ExecutionAttribute<>("LoseOneResponse.losing");
        private static final byte[] INTERNAL_SERVER_ERROR =
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"injected\"}"
                        .getBytes(StandardCharsets.UTF_8);

        private final AtomicReference<String> armed = new AtomicReference<>();
        private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();
        private final AtomicInteger lost = new AtomicInteger();

        /** Loses the response of the next successful call of {@code operation} ("PutItem", "UpdateItem"). */
        void nextSuccessOf(String operation) {
            armed.set(operation);
        }

        /** How many requests of {@code operation} went out, retries included. */
        int sent(String operation) {
            return sent.getOrDefault(operation, new AtomicInteger()).get();
        }

        /** How many responses were lost. */
        int lost() {
            return lost.get();
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            sent.computeIfAbsent(operation(attributes), name -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            SdkHttpResponse response = context.httpResponse();
            if (!response.isSuccessful() || !armed.compareAndSet(operation(attributes), null)) {
                return response;
            }
            attributes.putAttribute(LOSING, true);
            lost.incrementAndGet();
            return response.toBuilder()
                    .statusCode(500)
                    .statusText("Internal Server Error")
                    .removeHeader("x-amz-crc32")
                    .putHeader("Content-Length", Integer.toString(INTERNAL_SERVER_ERROR.length))
                    .build();
        }

        /** Called right after {@link #modifyHttpResponse} for the same attempt. */
        @Override
        public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
            if (!Boolean.TRUE.equals(attributes.getAttribute(LOSING))) {
                return context.responseBody();
            }
            attributes.putAttribute(LOSING, false); // attributes outlive the attempt; the retry must pass
            context.responseBody().ifPresent(LoseOneResponse::drain);
            return Optional.of(new ByteArrayInputStream(INTERNAL_SERVER_ERROR));
        }

        private static String operation(ExecutionAttributes attributes) {
            return attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        }

        private static void drain(InputStream body) {
            try (body) {
                body.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
