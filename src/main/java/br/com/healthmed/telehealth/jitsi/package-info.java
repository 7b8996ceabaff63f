/**
 * Meeting rooms on Jitsi Meet: unguessable room names, display names and the configuration.
 */
@org.jspecify.annotations.NullMarked
package br.com.healthmed.telehealth.jitsi;
