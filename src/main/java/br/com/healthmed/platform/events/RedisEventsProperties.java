package br.com.healthmed.platform.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthmed.events.redis.*}, read with {@code healthmed.events=redis}. The connection itself
 * is Spring Boot's: {@code spring.data.redis.*} (host, port, password, ssl, timeout, ...).
 *
 * @param channelPrefix  put before every topic to make the Redis channel name, so several
 *                       environments can share one Redis
 * @param publishTimeout a publish Redis confirms later than this is logged as slow (debug); publishers
 *                       never wait for it and a slow publish is never abandoned
 * @param subscribeWait  how long a topic's first subscriber waits for Redis to confirm the topic's
 *                       subscription; past it the subscriber goes on unconfirmed (it hears the topic once
 *                       Redis confirms), so a Redis that does not answer never holds nor fails a
 *                       subscription
 */
@ConfigurationProperties("healthmed.events.redis")
public record RedisEventsProperties(
        @DefaultValue("healthmed:") String channelPrefix,
        @DefaultValue("PT0.5S") Duration publishTimeout,
        @DefaultValue("PT0.5S") Duration subscribeWait) {}
