/**
 * Online meeting rooms for consultations. Scheduling opens a room when an appointment is confirmed
 * and asks for each participant's join link; the default adapter is Jitsi Meet.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Telehealth", allowedDependencies = {"identity :: api", "platform"})
@org.jspecify.annotations.NullMarked
package br.com.healthmed.telehealth;
