package br.com.healthmed.identity.api;

import br.com.healthmed.identity.AccountSummary;
import br.com.healthmed.identity.AccountDirectory;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.DoctorAccount;
import br.com.healthmed.identity.DoctorSummary;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.NewDoctor;
import br.com.healthmed.identity.NewPatient;
import br.com.healthmed.identity.PatientSummary;
import br.com.healthmed.identity.Phone;
import br.com.healthmed.identity.RegistrationService;
import br.com.healthmed.identity.SessionService;
import br.com.healthmed.platform.error.DomainException;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.web.ClientAddress;
import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** Registration, {@code me}, and the fields of {@code Patient} and {@code Doctor} that need work. */
@Controller
class AccountController {

    private static final String AUTHENTICATED_ACCOUNT = "authenticatedAccount";

    private final RegistrationService registration;
    private final SessionService sessions;
    private final AccountDirectory accounts;

    AccountController(RegistrationService registration, SessionService sessions, AccountDirectory accounts) {
        this.registration = registration;
        this.sessions = sessions;
        this.accounts = accounts;
    }

    @MutationMapping
    RegistrationAccepted registerPatient(@Argument @Valid RegisterPatientInput input,
                                         @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        Email email = registration.acceptPatientRegistration(new NewPatient(input.name(), input.email(), input.cpf(),
                input.password(), input.birthDate(), Optional.ofNullable(input.phone())), address.value());
        return RegistrationAccepted.sentTo(email);
    }

    @MutationMapping
    AuthPayload registerDoctor(@Argument @Valid RegisterDoctorInput input,
                               @ContextValue(name = ClientAddress.CONTEXT_KEY) ClientAddress address) {
        DoctorAccount account = registration.registerDoctor(
                new NewDoctor(input.name(), input.crm(), input.password(), input.specialties(),
                        java.util.Optional.ofNullable(input.idempotencyKey())), address.value());
        return AuthPayload.of(sessions.open(account));
    }

    @QueryMapping
    AccountSummary me(@AuthenticationPrincipal Caller caller) {
        Caller known = Caller.required(caller);
        return accounts.find(AccountId.of(known.accountId()))
                .orElseThrow(() -> DomainException.notFound("Account"));
    }

    // A patient's identifiers and contact data (and a doctor's account e-mail and phone) are for the
    // owner alone: the caller of `me`, or the one who just proved who they are (the account of an
    // AuthPayload). These guards keep it so when other modules return patients or doctors.

    /** The account in an AuthPayload belongs to whoever holds the tokens beside it. */
    @SchemaMapping(typeName = "AuthPayload", field = "account")
    DataFetcherResult<AccountSummary> authenticatedAccount(AuthPayload payload) {
        return DataFetcherResult.<AccountSummary>newResult()
                .data(payload.account())
                .localContext(GraphQLContext.of(Map.of(AUTHENTICATED_ACCOUNT, payload.account().id().toString())))
                .build();
    }

    @SchemaMapping(typeName = "Patient", field = "email")
    String email(PatientSummary patient, @AuthenticationPrincipal Caller caller, DataFetchingEnvironment env) {
        return ownAccount(patient, caller, env).email().value();
    }

    @SchemaMapping(typeName = "Patient", field = "emailVerified")
    boolean emailVerified(PatientSummary patient, @AuthenticationPrincipal Caller caller, DataFetchingEnvironment env) {
        return ownAccount(patient, caller, env).emailVerified();
    }

    @SchemaMapping(typeName = "Patient", field = "cpf")
    String cpf(PatientSummary patient, @AuthenticationPrincipal Caller caller, DataFetchingEnvironment env) {
        return ownAccount(patient, caller, env).cpf().formatted();
    }

    @SchemaMapping(typeName = "Patient", field = "birthDate")
    LocalDate birthDate(PatientSummary patient, @AuthenticationPrincipal Caller caller, DataFetchingEnvironment env) {
        return ownAccount(patient, caller, env).birthDate();
    }

    @SchemaMapping(typeName = "Patient", field = "phone")
    @Nullable String phone(PatientSummary patient, @AuthenticationPrincipal Caller caller, DataFetchingEnvironment env) {
        return ownAccount(patient, caller, env).phone().map(Phone::e164).orElse(null);
    }

    @SchemaMapping(typeName = "Doctor", field = "accountEmail")
    @Nullable String doctorEmail(DoctorSummary doctor, @AuthenticationPrincipal Caller caller, DataFetchingEnvironment env) {
        return ownAccount(doctor, caller, env).email().map(Email::value).orElse(null);
    }

    @SchemaMapping(typeName = "Doctor", field = "phone")
    @Nullable String doctorPhone(DoctorSummary doctor, @AuthenticationPrincipal Caller caller, DataFetchingEnvironment env) {
        return ownAccount(doctor, caller, env).phone().map(Phone::e164).orElse(null);
    }

    private static <A extends AccountSummary> A ownAccount(A patient, Caller caller, DataFetchingEnvironment env) {
        String id = patient.id().toString();
        boolean isCaller = caller != null && caller.accountId().equals(id);
        boolean justAuthenticated = env.getLocalContext() instanceof GraphQLContext local
                && id.equals(local.get(AUTHENTICATED_ACCOUNT));
        if (!isCaller && !justAuthenticated) {
            throw DomainException.notFound("Field");
        }
        return patient;
    }

    // Doctor.specialties is the directory's: the profile's specialties, which the doctor edits there.
}
