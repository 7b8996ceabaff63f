package br.com.healthmed.records.api;

import br.com.healthmed.records.GrantStore;
import br.com.healthmed.records.HealthRecordStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A crash between two steps of a request, on demand: the service's real {@link HealthRecordStore} and
 * {@link GrantStore} (whichever adapter the context runs) behind a proxy that, once armed, fails that one method
 * once with the outage a dropped connection gives: {@link #at} before the call reaches the store (a process
 * stopping there), {@link #after} once the store has applied it (the answer lost on its way back: a connection
 * dropped after DynamoDB wrote, a process stopping right after the write). Not a mock: every other call, and
 * that one, goes to the real store, so what the request left behind is exactly what such a crash would leave.
 * Method names are unique across the two stores.
 */
final class CrashingStore {

    private enum When { BEFORE, AFTER }

    private record Armed(When when, AtomicInteger left) {}

    private static final Map<String, Armed> ARMED = new ConcurrentHashMap<>();
    /** Calls of each store method since {@link #resetCalls}: what a request read, whichever adapter. */
    private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

    private CrashingStore() {}

    /** The next call of {@code method} (a store method name) fails before it reaches the store. */
    static void at(String method) {
        ARMED.put(method, new Armed(When.BEFORE, new AtomicInteger(1)));
    }

    /** The next call of {@code method} is applied by the store, and then fails as if its answer were lost. */
    static void after(String method) {
        ARMED.put(method, new Armed(When.AFTER, new AtomicInteger(1)));
    }

    /** Whether an armed crash has not happened yet (a test that arms one must see it happen). */
    static boolean pending() {
        return ARMED.values().stream().anyMatch(armed -> armed.left().get() > 0);
    }

    static void resetCalls() {
        CALLS.clear();
    }

    static int calls(String method) {
        AtomicInteger calls = CALLS.get(method);
        return calls == null ? 0 : calls.get();
    }

    static void disarm() {
        ARMED.clear();
    }

    @SuppressWarnings("unchecked")
    static <T> T wrap(Class<T> type, T store) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            CALLS.computeIfAbsent(method.getName(), name -> new AtomicInteger()).incrementAndGet();
            Armed armed = ARMED.get(method.getName());
            boolean crash = armed != null && armed.left().getAndDecrement() > 0;
            if (crash && armed.when() == When.BEFORE) {
                throw SdkClientException.create("crash injected before " + method.getName());
            }
            Object answer;
            try {
                answer = method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (crash) {
                throw SdkClientException.create("crash injected after " + method.getName());
            }
            return answer;
        });
    }

    /** Puts the proxies in place of the context's stores. */
    @TestConfiguration
    static class Installed {
        @Bean
        static BeanPostProcessor crashingRecordsStores() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (Proxy.isProxyClass(bean.getClass())) {
                        return bean;
                    }
                    if (bean instanceof HealthRecordStore store) {
                        return wrap(HealthRecordStore.class, store);
                    }
                    return bean instanceof GrantStore grants ? wrap(GrantStore.class, grants) : bean;
                }
            };
        }
    }
}
