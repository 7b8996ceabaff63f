/**
 * The demo data of a local run ({@code healthmed.demo-data=true}, the {@code local} profile, loopback
 * only): a demo patient, a demo doctor and a few hundred more doctors with profiles, ratings and
 * agendas, including a consultation that opens soon after every start (the README's tour books it).
 *
 * <p>It owns no data: everything is made through the other modules' published services
 * ({@code AccountSeeding}, {@code DirectorySeeding}, {@code TeleconsultationConsent}, {@code Agenda}), so
 * no rule of theirs is bypassed except the ones those services say they skip.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data", allowedDependencies = {"consent :: api", "directory :: api", "directory :: seeding", "identity :: api", "identity :: seeding", "platform", "scheduling :: api"})
@org.jspecify.annotations.NullMarked
package br.com.healthmed.demo;
