package br.com.healthmed.specialty.api;

import br.com.healthmed.specialty.Specialty;
import br.com.healthmed.specialty.SpecialtyCatalog;
import java.util.List;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
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

    /** A specialty is keyed by its code; the global id is made from it on the way out. */
    @SchemaMapping(typeName = "Specialty", field = "id")
    String id(Specialty specialty) {
        return specialty.code();
    }
}
