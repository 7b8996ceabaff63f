/**
 * Consent: the patient's informed consent to teleconsultation (TCLE, CFM Resolution 2.314/2022).
 * A versioned text from configuration, served by the API; a patient's acceptance of a version is kept
 * with its instant, the client address and a digest of the exact text. Scheduling asks it before a
 * booking ({@code ConsentRequired}) and before handing out a meeting link; a new version asks again.
 *
 * <p>A module of its own so that scheduling can depend on it without a cycle: it depends only on
 * identity's account ids and platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consent", allowedDependencies = {"identity :: api", "platform"})
@org.jspecify.annotations.NullMarked
package br.com.healthmed.consent;
