package br.com.healthmed.platform.events;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps Spring Boot's Redis auto-configuration (connection factory, templates, repositories, health
 * indicator) out of the context unless {@code healthmed.events=redis}: Redis is only there for the
 * event fan-out, and a local run or a single instance must neither need a Redis nor report one as
 * down. Registered in {@code META-INF/spring.factories}; with {@code redis} the auto-configuration
 * is untouched and reads the standard {@code spring.data.redis.*} properties.
 */
public final class RedisAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {

    private static final String REDIS_AUTO_CONFIGURATION = "org.springframework.boot.data.redis.autoconfigure.";

    private boolean redisEvents;

    @Override
    public void setEnvironment(Environment environment) {
        redisEvents = "redis".equalsIgnoreCase(environment.getProperty(EventBusConfig.PROPERTY, "memory"));
    }

    @Override
    public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata metadata) {
        boolean[] match = new boolean[autoConfigurationClasses.length];
        for (int i = 0; i < autoConfigurationClasses.length; i++) {
            String candidate = autoConfigurationClasses[i];
            match[i] = redisEvents || candidate == null || !candidate.startsWith(REDIS_AUTO_CONFIGURATION);
        }
        return match;
    }
}
