package br.com.healthmed.privacy;

import static br.com.healthmed.privacy.Json.object;

import br.com.healthmed.directory.DirectoryWithdrawal;
import br.com.healthmed.directory.DoctorProfile;
import br.com.healthmed.identity.AccountSummary;
import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.DoctorSummary;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.PatientSummary;
import br.com.healthmed.identity.Phone;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@code account}: the account as registered (and corrected), and a doctor's directory profile. */
@Component
@Order(10)
class AccountSection implements PersonalDataSection {

    private final AccountDirectory accounts;
    private final DirectoryWithdrawal directory;

    AccountSection(AccountDirectory accounts, DirectoryWithdrawal directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    @Override
    public String key() {
        return "account";
    }

    @Override
    public Optional<Object> collect(DataSubject subject, ExportFiles files) {
        return accounts.find(subject.account()).map(this::describe);
    }

    private Object describe(AccountSummary account) {
        Map<String, Object> described = object("id", account.id().toString(), "role", account.role(), "name", account.name(),
                "createdAt", account.createdAt());
        if (account instanceof PatientSummary patient) {
            described.putAll(object("email", patient.email().value(), "cpf", patient.cpf().digits(),
                    "birthDate", patient.birthDate(), "phone", patient.phone().map(Phone::e164)));
        } else if (account instanceof DoctorSummary doctor) {
            described.putAll(object("crm", doctor.crm().value(), "specialties", doctor.specialties(),
                    "email", doctor.email().map(Email::value), "phone", doctor.phone().map(Phone::e164),
                    "directoryProfile", directory.profileOf(doctor.id()).map(AccountSection::profile)));
        }
        return described;
    }

    private static Map<String, Object> profile(DoctorProfile p) {
        return object("specialties", p.specialties(), "consultationPrice", p.consultationPrice(), "bio", p.bio(),
                "languages", p.languages(), "officeAddress", p.officeAddress(),
                "officeLocation", p.officeLocation().map(l -> object("latitude", l.latitude(), "longitude", l.longitude())),
                "timeZone", p.timeZone().getId(), "consultationMinutes", p.consultationDuration().toMinutes(),
                "email", p.email(), "showEmail", p.showEmail(), "phone", p.phone(), "showPhone", p.showPhone());
    }
}
