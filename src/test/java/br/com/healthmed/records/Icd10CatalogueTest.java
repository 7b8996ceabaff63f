package br.com.healthmed.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.platform.error.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

class Icd10CatalogueTest {

    private final Icd10Catalogue catalogue = new Icd10Catalogue();

    @Test
    void theBundledListHoldsEveryCategoryOfTheDatasusTable() {
        assertThat(catalogue.size()).isEqualTo(2045);
    }

    @Test
    void categoriesAndSubcategoriesAreNormalisedDescribedAndDeduplicatedInTheirOrder() {
        assertThat(catalogue.check(List.of(" i10 ", "J459", "J45.9", "E11"), "codes")).containsExactly(
                new Icd10Code("I10", "Hipertensão essencial (primária)"), new Icd10Code("J45.9", "Asma"),
                new Icd10Code("E11", "Diabetes mellitus não-insulino-dependente"));
    }

    @Test
    void aCodeNotInTheListOrOfTheWrongShapeIsRefusedNamingItAndTheField() {
        for (String code : List.of("I1", "U07", "I10.99", "XYZ", "", "I10;DROP")) {
            assertThatThrownBy(() -> catalogue.check(List.of("I10", code), "input.icd10Codes"))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code().name()).isEqualTo("UNKNOWN_ICD10_CODE");
                        assertThat(e.extensions()).containsEntry("field", "input.icd10Codes");
                    });
        }
    }

    @Test
    void atMostTwentyCodesPerNote() {
        assertThatThrownBy(() -> catalogue.check(java.util.Collections.nCopies(21, "I10"), "codes"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code().name()).isEqualTo("BAD_USER_INPUT"));
    }
}
