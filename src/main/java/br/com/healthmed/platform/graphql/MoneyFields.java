package br.com.healthmed.platform.graphql;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import graphql.schema.idl.RuntimeWiring;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The fields of {@code type Money}. Every price of the service is in BRL, and the domain keeps one as a
 * {@link BigDecimal} (the directory's rules allow two decimal places at most): a field of type
 * {@code Money} returns that {@code BigDecimal}, and these fields present it as an amount in the
 * currency's two decimal places ({@code 350.00}) and the currency {@code BRL}. A second currency would
 * need a money value in the domain; until then no module has to know the API's shape of money.
 *
 * <p>Both are {@link LightDataFetcher}s, as cheap as a property read: an agenda lists hundreds of slots.
 */
final class MoneyFields {

    static final String TYPE = "Money";
    /** The currency's minor unit: centavos. */
    private static final int BRL_SCALE = 2;

    private MoneyFields() {
    }

    static RuntimeWiring.Builder wire(RuntimeWiring.Builder wiring) {
        return wiring.type(TYPE, type -> type
                .dataFetcher("amount", (Fetcher) MoneyFields::amount)
                .dataFetcher("currency", (Fetcher) source -> "BRL"));
    }

    private static BigDecimal amount(Object source) {
        BigDecimal amount = (BigDecimal) source;
        // Stored prices already have two places; an older or hand-made one without them still shows as 350.00.
        return amount.scale() < BRL_SCALE ? amount.setScale(BRL_SCALE) : amount;
    }

    /** A field read from its source alone. */
    @FunctionalInterface
    private interface Fetcher extends LightDataFetcher<Object> {

        Object from(Object source);

        @Override
        default Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) {
            return from(source);
        }

        @Override
        default Object get(DataFetchingEnvironment environment) {
            // graphql-java asks for a field of Money only when the Money itself is not null
            return from(Objects.requireNonNull(environment.getSource()));
        }
    }
}
