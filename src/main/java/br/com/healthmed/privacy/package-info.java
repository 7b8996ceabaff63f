/**
 * The data subject's rights under the LGPD that span the whole platform: a complete copy of
 * everything held about the caller (art. 18 II and V, art. 19: {@code requestDataExport}, built
 * asynchronously into a ZIP on the blob store), and leaving ("Inativação", art. 18 VI and IX:
 * {@code deactivateAccount}): sessions ended, upcoming appointments cancelled, shares revoked, a doctor
 * out of search; within a grace period the owner may come back ({@code reactivateAccount}); after it,
 * personal data not under a legal duty is anonymised (art. 16), while the clinical record and the
 * appointment history stay for their legal retention (docs/privacy.md).
 *
 * <p>This module uses the published APIs of the others and nothing depends on it: login learns of a
 * deactivation through identity's {@link br.com.healthmed.identity.AccountStanding} rule.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy", allowedDependencies = {"consent :: api", "directory :: api", "identity :: api", "notifications :: api", "platform", "records :: api", "scheduling :: api"})
@org.jspecify.annotations.NullMarked
package br.com.healthmed.privacy;
