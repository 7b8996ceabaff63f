package br.com.healthmed.specialty.api;

import br.com.healthmed.platform.graphql.GraphQlSlice;
import br.com.healthmed.specialty.SpecialtyCatalog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The slice tier: only {@link SpecialtyController} over the real schema and the catalog it reads
 * (an in-memory CSV, no storage), no HTTP server, no security.
 */
@GraphQlTest(SpecialtyController.class)
@Import({GraphQlSlice.class, SpecialtyCatalog.class})
class SpecialtyControllerSliceTest {

    @Autowired
    GraphQlTester tester;

    @Test
    void listsTheCfmSpecialtiesByName() {
        tester.document("{ specialties { code name } }").execute()
                .path("specialties[*].code").entityList(String.class).hasSize(55).contains("CARDIOLOGIA")
                .path("specialties[0].name").entity(String.class).isEqualTo("Acupuntura");
    }

    @Test
    void anUnknownFieldIsAValidationErrorNotAnAnswer() {
        tester.document("{ specialties { code price } }").execute()
                .errors().satisfy(errors -> org.assertj.core.api.Assertions.assertThat(errors)
                        .singleElement().satisfies(error -> org.assertj.core.api.Assertions.assertThat(error.getErrorType())
                                .hasToString("ValidationError")));
    }
}
