package br.com.healthmed.platform.storage;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Marks beans that exist with {@code healthmed.storage=memory}, the default: the embedded adapters
 * that let the service run on a fresh machine with nothing else installed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnProperty(name = "healthmed.storage", havingValue = "memory", matchIfMissing = true)
public @interface OnMemoryStorage {}
