package br.com.healthmed.specialty;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/** The CFM specialties, read once from {@code specialty/cfm-specialties.csv}. */
@Service
@NamedInterface("api")
public class SpecialtyCatalog {

    private static final String RESOURCE = "/specialty/cfm-specialties.csv";

    private final Map<String, Specialty> byCode;

    public SpecialtyCatalog() {
        this.byCode = load();
    }

    /** All specialties, in alphabetical order of name. */
    public List<Specialty> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Specialty> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The codes among {@code codes} that are not in the list. */
    public List<String> unknown(Collection<String> codes) {
        return codes.stream().filter(code -> !byCode.containsKey(code)).toList();
    }

    private static Map<String, Specialty> load() {
        try (InputStream in = SpecialtyCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            Collator portuguese = Collator.getInstance(Locale.forLanguageTag("pt-BR"));
            Map<String, Specialty> byCode = new LinkedHashMap<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(";", 2))
                    .map(parts -> new Specialty(parts[0].trim(), parts[1].trim()))
                    .sorted(Comparator.comparing(Specialty::name, portuguese))
                    .forEach(specialty -> byCode.put(specialty.code(), specialty));
            return Collections.unmodifiableMap(byCode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
