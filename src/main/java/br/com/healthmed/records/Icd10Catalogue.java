package br.com.healthmed.records;

import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.error.PlatformErrors;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The CID-10 list the assessment's codes are checked against: the 2,045 three-character categories
 * of DATASUS's table ({@code records/cid10-categorias.csv}). A code is a category ({@code I10}) or a
 * subcategory of one ({@code J45.9}, also written {@code J459}); a subcategory is accepted when its
 * category is listed (the subcategory digit is checked only for its shape: see docs/clinical-record.md).
 * Each check is one pass over the codes with one map look-up each.
 */
@Component
public class Icd10Catalogue {

    static final String RESOURCE = "/records/cid10-categorias.csv";
    public static final int MAX_CODES = 20;
    private static final Pattern SHAPE = Pattern.compile("([A-Z][0-9]{2})\\.?([0-9])?");

    private final Map<String, String> categories;

    Icd10Catalogue() {
        this.categories = load();
    }

    /** How many categories the list holds. */
    public int size() {
        return categories.size();
    }

    /**
     * The codes, normalised ({@code j45.9} → {@code J45.9}) and without repeats, in the order given;
     * {@code UNKNOWN_ICD10_CODE} (with {@code field} and the {@code code}) for the first one not in the list.
     */
    public List<Icd10Code> check(List<String> raw, String field) {
        if (raw.size() > MAX_CODES) {
            throw DomainException.invalid(PlatformErrors.BAD_USER_INPUT, field, "At most " + MAX_CODES + " CID-10 codes per note.");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<Icd10Code> codes = new ArrayList<>(raw.size());
        for (String given : raw) {
            String text = given == null ? "" : given.strip().toUpperCase(Locale.ROOT);
            var shape = SHAPE.matcher(text);
            String description = shape.matches() ? categories.get(shape.group(1)) : null;
            if (description == null) {
                String shown = text.length() > 12 ? text.substring(0, 12) + "…" : text;
                throw new DomainException(RecordsErrors.UNKNOWN_ICD10_CODE, "'" + shown + "' is not a CID-10 code of the list.",
                        Map.of("field", field, "icd10Code", shown));
            }
            String code = shape.group(2) == null ? shape.group(1) : shape.group(1) + "." + shape.group(2);
            if (seen.add(code)) {
                codes.add(new Icd10Code(code, description));
            }
        }
        return List.copyOf(codes);
    }

    private static Map<String, String> load() {
        Map<String, String> loaded = new HashMap<>();
        try (InputStream in = Icd10Catalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("codigo;")) {
                    continue;
                }
                int separator = line.indexOf(';');
                loaded.put(line.substring(0, separator), line.substring(separator + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(loaded);
    }
}
