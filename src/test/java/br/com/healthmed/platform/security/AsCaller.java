package br.com.healthmed.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContext;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

/**
 * Runs a test as a {@link Caller} of this role, as if its access token had been verified: Spring Security's
 * test support puts a {@link CallerAuthentication} into the security context before the test method, where
 * {@code @AuthenticationPrincipal Caller} finds it. For tests without the token filter (controller slices,
 * see {@code GraphQlSlice}); the anonymous caller of such a test is Spring's {@code @WithAnonymousUser}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@WithSecurityContext(factory = AsCaller.Factory.class)
public @interface AsCaller {

    /** The account id of a caller made by {@code @AsCaller} unless the test names another. */
    String ACCOUNT_ID = "5e1f0c3a-9d2b-4c8e-a6f1-0b7d3e2c4a15";
    String SESSION_ID = "as-caller-session";

    Role value();

    String accountId() default ACCOUNT_ID;

    /** Builds the security context of {@link AsCaller}: a token that is valid for the whole test. */
    final class Factory implements WithSecurityContextFactory<AsCaller> {

        @Override
        public SecurityContext createSecurityContext(AsCaller caller) {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new CallerAuthentication(
                    new Caller(caller.accountId(), caller.value(), SESSION_ID, Instant.now().plus(Duration.ofHours(1)))));
            return context;
        }
    }
}
