package br.com.healthmed.scheduling;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Puts a step of a test's own into the next conditional write of an appointment that matches: run
 * something just before the write reaches the store (another request, on the writer's own thread, so
 * the interleaving is exact), or fail the write as a crash would. Wraps the appointment store of
 * whichever adapter runs; one step at a time, used once.
 */
@TestConfiguration(proxyBeanMethods = false)
class AppointmentWrites {

    private record Armed(Predicate<Appointment> matches, Runnable step) {}

    private static final AtomicReference<Armed> ARMED = new AtomicReference<>();

    /** Before the next {@code update} whose new appointment matches, {@code step} runs (it may throw, as a crash). */
    static void beforeNextUpdate(Predicate<Appointment> matches, Runnable step) {
        ARMED.set(new Armed(matches, step));
    }

    /** Whether the armed step has run (or nothing was armed). */
    static boolean ran() {
        return ARMED.get() == null;
    }

    @Bean
    static BeanPostProcessor interleaveAppointmentWrites() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof AppointmentStore)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.addAdvice((MethodInterceptor) call -> {
                    if (call.getMethod().getName().equals("update")) {
                        Armed armed = ARMED.get();
                        if (armed != null && armed.matches().test((Appointment) call.getArguments()[0])
                                && ARMED.compareAndSet(armed, null)) {
                            armed.step().run();
                        }
                    }
                    return call.proceed();
                });
                return proxy.getProxy();
            }
        };
    }
}
