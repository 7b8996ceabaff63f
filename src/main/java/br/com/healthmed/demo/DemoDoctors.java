package br.com.healthmed.demo;

import br.com.healthmed.directory.DoctorProfile;
import br.com.healthmed.directory.GeoPoint;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.Crm;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Made-up doctors: half in São Paulo (the dense city of the search benchmark), the rest in other
 * capitals; common specialties more often than rare ones; prices from R$ 150 to R$ 600; most rated,
 * mostly well. Deterministic for a given {@link Random}.
 */
public final class DemoDoctors {

    record City(String name, String uf, double latitude, double longitude, double spreadKm, String zone, int weight) {}

    /** One made-up doctor: the account's fields and the profile's. */
    public record Demo(String name, Crm crm, List<String> specialties, GeoPoint office, String address, String zone,
                BigDecimal price, Duration duration, List<Integer> ratings) {

        public DoctorProfile profile(AccountId id) {
            return new DoctorProfile(id, specialties, Optional.of(price),
                    Optional.of("Atendimento humanizado em " + specialties.get(0).toLowerCase().replace('_', ' ') + "."),
                    List.of("pt"), Optional.of(address), Optional.of(office), ZoneId.of(zone), duration,
                    Optional.empty(), false, Optional.empty(), false);
        }
    }

    static final List<City> CITIES = List.of(
            new City("São Paulo", "SP", -23.5505, -46.6333, 7, "America/Sao_Paulo", 50),
            new City("Rio de Janeiro", "RJ", -22.9068, -43.1729, 6, "America/Sao_Paulo", 12),
            new City("Belo Horizonte", "MG", -19.9167, -43.9345, 4, "America/Sao_Paulo", 8),
            new City("Brasília", "DF", -15.7939, -47.8828, 5, "America/Sao_Paulo", 7),
            new City("Salvador", "BA", -12.9714, -38.5014, 4, "America/Bahia", 6),
            new City("Curitiba", "PR", -25.4284, -49.2733, 4, "America/Sao_Paulo", 6),
            new City("Recife", "PE", -8.0476, -34.8770, 4, "America/Recife", 5),
            new City("Porto Alegre", "RS", -30.0346, -51.2177, 4, "America/Sao_Paulo", 4),
            new City("Manaus", "AM", -3.1190, -60.0217, 4, "America/Manaus", 2));

    /** Specialty codes, each as often as it comes up among the demo doctors. */
    public static final List<String> SPECIALTY_MIX = List.of(
            "CLINICA_MEDICA", "CLINICA_MEDICA", "CLINICA_MEDICA", "PEDIATRIA", "PEDIATRIA", "GINECOLOGIA_OBSTETRICIA",
            "GINECOLOGIA_OBSTETRICIA", "CARDIOLOGIA", "CARDIOLOGIA", "DERMATOLOGIA", "PSIQUIATRIA", "ORTOPEDIA_TRAUMATOLOGIA",
            "OFTALMOLOGIA", "MEDICINA_FAMILIA_COMUNIDADE", "ENDOCRINOLOGIA_METABOLOGIA", "NEUROLOGIA", "OTORRINOLARINGOLOGIA",
            "GASTROENTEROLOGIA", "UROLOGIA", "PNEUMOLOGIA", "REUMATOLOGIA", "GERIATRIA", "NEFROLOGIA", "INFECTOLOGIA",
            "ALERGIA_IMUNOLOGIA", "HEMATOLOGIA_HEMOTERAPIA", "ONCOLOGIA_CLINICA", "MASTOLOGIA", "NUTROLOGIA", "ACUPUNTURA");
    private static final String[] WOMEN = {"Ana", "Carla", "Eduarda", "Gabriela", "Isabela", "Karina", "Mariana", "Olívia",
            "Renata", "Tatiana"};
    private static final String[] MEN = {"Bruno", "Diego", "Felipe", "Henrique", "João", "Lucas", "Nelson", "Paulo",
            "Sérgio", "Vítor"};
    private static final String[] LAST = {"Silva", "Santos", "Oliveira", "Souza", "Lima", "Pereira", "Costa", "Rodrigues",
            "Almeida", "Nascimento", "Carvalho", "Araújo", "Ribeiro", "Gomes", "Martins", "Barbosa", "Rocha", "Dias"};
    private static final String[] STREETS = {"Rua das Flores", "Av. Brasil", "Rua São Bento", "Av. Sete de Setembro",
            "Rua XV de Novembro", "Av. Getúlio Vargas", "Rua da Consolação", "Av. Independência"};

    private final Random random;
    private final int totalWeight = CITIES.stream().mapToInt(City::weight).sum();

    public DemoDoctors(Random random) {
        this.random = random;
    }

    /** The {@code i}-th demo doctor; CRMs are unique per {@code i}. */
    public Demo next(int i) {
        City city = city();
        GeoPoint office = around(city);
        Set<String> specialties = new LinkedHashSet<>();
        specialties.add(SPECIALTY_MIX.get(random.nextInt(SPECIALTY_MIX.size())));
        if (random.nextInt(3) == 0) {
            specialties.add(SPECIALTY_MIX.get(random.nextInt(SPECIALTY_MIX.size())));
        }
        String name = (random.nextBoolean() ? "Dra. " + WOMEN[random.nextInt(WOMEN.length)] : "Dr. " + MEN[random.nextInt(MEN.length)])
                + " " + LAST[random.nextInt(LAST.length)];
        BigDecimal price = BigDecimal.valueOf(150 + 10L * random.nextInt(46)).setScale(2);
        List<Integer> ratings = new ArrayList<>();
        int count = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(40);
        int skill = 2 + random.nextInt(4); // most doctors are rated mostly 4 and 5
        for (int r = 0; r < count; r++) {
            ratings.add(Math.min(5, Math.max(1, skill + random.nextInt(3) - (random.nextInt(6) == 0 ? 2 : 0))));
        }
        String address = STREETS[random.nextInt(STREETS.length)] + ", " + (10 + random.nextInt(2000)) + " - " + city.name()
                + " - " + city.uf();
        Duration duration = Duration.ofMinutes(random.nextInt(4) == 0 ? 30 : 50);
        return new Demo(name, new Crm(Integer.toString(200_000 + i), city.uf()), List.copyOf(specialties), office, address,
                city.zone(), price, duration, ratings);
    }

    private City city() {
        int pick = random.nextInt(totalWeight);
        for (City city : CITIES) {
            pick -= city.weight();
            if (pick < 0) {
                return city;
            }
        }
        return CITIES.get(0);
    }

    /** A point around the city centre, normally distributed, at most three spreads away. */
    private GeoPoint around(City city) {
        double north = Math.max(-3, Math.min(3, random.nextGaussian())) * city.spreadKm();
        double east = Math.max(-3, Math.min(3, random.nextGaussian())) * city.spreadKm();
        double latitude = city.latitude() + north / 111.2;
        double longitude = city.longitude() + east / (111.2 * Math.cos(Math.toRadians(city.latitude())));
        return new GeoPoint(latitude, longitude);
    }
}
