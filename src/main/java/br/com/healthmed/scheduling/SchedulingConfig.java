package br.com.healthmed.scheduling;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling's settings, and the timer that runs the {@link Sweep}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({SchedulingProperties.class, BookingLimitsProperties.class, WaitlistProperties.class})
class SchedulingConfig {}
