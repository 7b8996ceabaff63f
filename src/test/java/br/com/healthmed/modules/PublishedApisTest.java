package br.com.healthmed.modules;

import static org.assertj.core.api.Assertions.assertThat;

import fixture.reachin.ReachInFixture;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The rule ModularityTests applies to the application fails on a reach-in, and only on that. */
class PublishedApisTest {

    @Test
    void aReachInPastThePublishedApiIsReportedEvenWhenAPublishedSignatureMentionsTheTypeAndPublishedTypesAreNot() {
        // Test classes are left out of ApplicationModules by default; the fixture is one.
        ApplicationModules fixture = ApplicationModules.of(ReachInFixture.class, location -> true);

        assertThat(PublishedApis.reachIns(fixture)).containsExactly(
                "billing uses fixture.reachin.clinic.VisitStore (clinic does not publish it) from fixture.reachin.billing.Invoices",
                "billing uses fixture.reachin.clinic.VisitStore (clinic does not publish it) from fixture.reachin.billing.Refunds");
    }
}
