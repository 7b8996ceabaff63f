package br.com.healthmed.specialty.api;

import br.com.healthmed.specialty.Specialty;
import br.com.healthmed.specialty.SpecialtyCatalog;
import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SpecialtyController {

    private final SpecialtyCatalog catalog;

    SpecialtyController(SpecialtyCatalog catalog) {
        this.catalog = catalog;
    }

    @QueryMapping
    List<Specialty> specialties() {
        return catalog.all();
    }
}
