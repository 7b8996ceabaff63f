package br.com.healthmed.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Anonymises an account whose owner left (LGPD art. 16 and 18 VI), keeping what a legal duty keeps.
 * A patient's name, e-mail and phone are replaced and the birth date is cut to its year (the age still
 * matters to whoever reads the clinical record the law keeps); the CPF stays in the closed account as
 * the identification of that record (Lei 13.787/2018), but no longer as a login.
 * A doctor's name and CRM stay (the professional who attended must stay identifiable in the records);
 * the doctor's account e-mail and phone are removed.
 * Every login claim is released, so the person can register again with the same e-mail, CPF or CRM,
 * and the password hash is replaced by one of a random secret nobody knows.
 *
 * <p>Idempotent and resumable: claims are released first (while the account still names them), then
 * the account is replaced; a repeat releases nothing more (a released claim may belong to a new
 * account now, which {@link LoginClaimStore#release} leaves alone) and rewrites the same anonymised
 * account.
 */
@Service
@NamedInterface("api")
public class AccountErasure {

    /** The domain of anonymised e-mail placeholders: {@code .invalid} never resolves (RFC 2606). */
    static final String ANONYMISED_DOMAIN = "anonimizado.invalid";
    static final String ANONYMISED_NAME = "Titular anonimizado";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountStore accounts;
    private final LoginClaimStore claims;
    private final PasswordHasher passwords;

    AccountErasure(AccountStore accounts, LoginClaimStore claims, PasswordHasher passwords) {
        this.accounts = accounts;
        this.claims = claims;
        this.passwords = passwords;
    }

    /** Anonymises the account (see the class comment); an unknown id changes nothing. */
    public void anonymise(AccountId id) {
        Optional<Account> found = accounts.find(id);
        if (found.isEmpty()) {
            return;
        }
        if (found.get() instanceof PatientAccount patient) {
            if (patient.email().value().endsWith("@" + ANONYMISED_DOMAIN)) {
                return; // done before: the claims were released then
            }
            claims.release(LoginClaim.of(patient.email()), id);
            claims.release(LoginClaim.of(patient.cpf()), id);
            accounts.replace(new PatientAccount(id, ANONYMISED_NAME, placeholderEmail(id), patient.cpf(),
                    patient.birthDate().withDayOfYear(1), Optional.empty(), unusableHash(), patient.createdAt(), false));
        } else if (found.get() instanceof DoctorAccount doctor) {
            doctor.loginEmail().ifPresent(email -> claims.release(LoginClaim.of(email), id));
            claims.release(LoginClaim.of(doctor.crm()), id);
            accounts.replace(new DoctorAccount(id, doctor.name(), doctor.crm(), doctor.specialties(), unusableHash(),
                    doctor.createdAt(), Optional.empty(), Optional.empty()));
        }
    }

    private static Email placeholderEmail(AccountId id) {
        return new Email(id.toString().replace("-", "") + "@" + ANONYMISED_DOMAIN);
    }

    private String unusableHash() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return passwords.hash(Base64.getEncoder().encodeToString(secret));
    }
}
