package br.com.healthmed.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the identity module's periodic work ({@link RevokedSessions#reload}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdentityScheduling {}
