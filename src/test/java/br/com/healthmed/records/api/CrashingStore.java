package br.com.healthmed.records.api;

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
 * A crash between two steps of a request, on demand: the service's real {@link HealthRecordStore} (whichever
 * adapter the context runs) behind a proxy that, once armed with {@link #at}, fails that one method once with
 * the outage a dropped connection gives, before the call reaches the store. Not a mock: every other call, and
 * that one afterwards, goes to the real store, so what the request left behind is exactly what a process
 * stopping at that point would leave.
 */
final class CrashingStore {

    private static final Map<String, AtomicInteger> ARMED = new ConcurrentHashMap<>();

    private CrashingStore() {}

    /** The next call of {@code method} (a {@link HealthRecordStore} method name) fails before it reaches the store. */
    static void at(String method) {
        ARMED.put(method, new AtomicInteger(1));
    }

    /** Whether an armed crash has not happened yet (a test that arms one must see it happen). */
    static boolean pending() {
        return ARMED.values().stream().anyMatch(left -> left.get() > 0);
    }

    static void disarm() {
        ARMED.clear();
    }

    static HealthRecordStore wrap(HealthRecordStore store) {
        return (HealthRecordStore) Proxy.newProxyInstance(HealthRecordStore.class.getClassLoader(),
                new Class<?>[] {HealthRecordStore.class}, (proxy, method, args) -> {
                    AtomicInteger left = ARMED.get(method.getName());
                    if (left != null && left.getAndDecrement() > 0) {
                        throw SdkClientException.create("crash injected before " + method.getName());
                    }
                    try {
                        return method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Puts the proxy in place of the context's store. */
    @TestConfiguration
    static class Installed {
        @Bean
        static BeanPostProcessor crashingHealthRecordStore() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof HealthRecordStore store && !Proxy.isProxyClass(bean.getClass()) ? wrap(store) : bean;
                }
            };
        }
    }
}
