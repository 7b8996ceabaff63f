package br.com.healthmed.platform.web;

import java.util.Locale;
import org.apache.catalina.valves.RemoteIpValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Applies {@link TrustedProxies} to Tomcat: with trusted networks, a {@link RemoteIpValve} that
 * believes {@code X-Forwarded-For} / {@code -Proto} / {@code -Port} only on connections from them;
 * without, no valve at all. Spring Boot's own forwarded-header support stays off
 * ({@code server.forward-headers-strategy=none}): its default trusts every private address, which
 * inside a cluster is every pod, and on Kubernetes it switches itself on unless told not to. Start-up
 * fails if it is switched on again, rather than run two rules at once.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxiesConfig {

    private static final Logger log = LoggerFactory.getLogger(TrustedProxiesConfig.class);

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> trustedProxiesValve(TrustedProxies proxies, Environment environment) {
        String strategy = environment.getProperty("server.forward-headers-strategy", "none").trim().toLowerCase(Locale.ROOT);
        if (!strategy.equals("none")) {
            throw new IllegalStateException("server.forward-headers-strategy must stay 'none' (it is '" + strategy
                    + "'): set healthmed.web.trusted-proxies to the load balancer's networks instead");
        }
        return factory -> {
            if (proxies.trustsNone()) {
                log.info("X-Forwarded-For is ignored: no trusted proxies (healthmed.web.trusted-proxies); "
                        + "client addresses are the connections' own");
                return;
            }
            log.info("X-Forwarded-For is believed only from {} (healthmed.web.trusted-proxies)", proxies.trustedProxies());
            factory.addEngineValves(valve(proxies));
        };
    }

    static RemoteIpValve valve(TrustedProxies proxies) {
        RemoteIpValve valve = new RemoteIpValve();
        // CIDRs (Tomcat reads a value containing '/' as a list of networks, otherwise as a regex)
        valve.setInternalProxies(String.join(",", proxies.trustedProxies()));
        valve.setTrustedProxies("");
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setPortHeader("X-Forwarded-Port");
        valve.setHostHeader("X-Forwarded-Host");
        return valve;
    }
}
