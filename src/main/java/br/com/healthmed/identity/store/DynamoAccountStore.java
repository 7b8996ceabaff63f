package br.com.healthmed.identity.store;

import static br.com.healthmed.platform.storage.Attributes.bool;
import static br.com.healthmed.platform.storage.Attributes.instant;
import static br.com.healthmed.platform.storage.Attributes.optionalString;
import static br.com.healthmed.platform.storage.Attributes.s;
import static br.com.healthmed.platform.storage.Attributes.string;
import static br.com.healthmed.platform.storage.Attributes.strings;

import br.com.healthmed.identity.Account;
import br.com.healthmed.identity.AccountCorrection;
import br.com.healthmed.identity.AccountCorrection.BirthDateCorrection;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.AccountStore;
import br.com.healthmed.identity.Cpf;
import br.com.healthmed.identity.Crm;
import br.com.healthmed.identity.DoctorAccount;
import br.com.healthmed.identity.Email;
import br.com.healthmed.identity.PatientAccount;
import br.com.healthmed.identity.Phone;
import br.com.healthmed.platform.security.Role;
import br.com.healthmed.platform.storage.BatchPause;
import br.com.healthmed.platform.storage.BatchReads;
import br.com.healthmed.platform.storage.DynamoTable;
import br.com.healthmed.platform.storage.Keys;
import java.time.LocalDate;
import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Accounts in DynamoDB: one item per account, {@code ACCOUNT#<id>} / {@code PROFILE}. A create whose
 * condition fails re-reads the item: if it is the very account being created, the SDK retried our own
 * write after losing its response, and the create succeeded.
 */
class DynamoAccountStore implements AccountStore {

    private final DynamoTable table;
    /** How {@link #findAll} waits before asking again for keys left unprocessed; tests pass one that only records. */
    private final BatchPause batchPause;

    DynamoAccountStore(DynamoTable table) {
        this(table, BatchPause.SLEEP);
    }

    DynamoAccountStore(DynamoTable table, BatchPause batchPause) {
        this.table = table;
        this.batchPause = batchPause;
    }

    @Override
    public void create(Account account) {
        Map<String, AttributeValue> item = toItem(account);
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(item)
                    .conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException exists) {
            // Either a different account has this id (a bug), or this very write was applied by an
            // attempt whose response was lost and the SDK retried it: then the item is our account.
            if (!find(account.id()).filter(account::equals).isPresent()) {
                throw new IllegalStateException("Account " + account.id() + " exists", exists);
            }
        }
    }

    @Override
    public Optional<Account> find(AccountId id) {
        return table.item(AccountKeys.account(id.toString())).map(DynamoAccountStore::toAccount);
    }

    @Override
    public Map<AccountId, Account> findAll(Collection<AccountId> ids) {
        Map<AccountId, Account> found = new HashMap<>();
        BatchReads.items(table, ids.stream().map(id -> AccountKeys.account(id.toString())).toList(), batchPause)
                .forEach(item -> {
                    Account account = toAccount(item);
                    found.put(account.id(), account);
                });
        return found;
    }

    @Override
    public void replace(Account account) {
        try {
            table.client().putItem(b -> b.tableName(table.name()).item(toItem(account))
                    .conditionExpression("attribute_exists(PK) AND #role = :role")
                    .expressionAttributeNames(Map.of("#role", "role"))
                    .expressionAttributeValues(Map.of(":role", s(account.role().name()))));
        } catch (ConditionalCheckFailedException absent) {
            // no such account (or one of the other role, which no caller asks for): nothing to replace
        }
    }

    private static Map<String, AttributeValue> toItem(Account account) {
        Map<String, AttributeValue> item = new HashMap<>(AccountKeys.account(account.id().toString()));
        item.put("type", s("ACCOUNT"));
        item.put("role", s(account.role().name()));
        item.put("name", s(account.name()));
        item.put("passwordHash", s(account.passwordHash()));
        item.put("createdAt", instant(account.createdAt()));
        if (account instanceof PatientAccount p) {
            item.put("email", s(p.email().value()));
            item.put("cpf", s(p.cpf().digits()));
            item.put("birthDate", s(p.birthDate().toString()));
            p.phone().ifPresent(phone -> item.put("phone", s(phone.e164())));
            item.put("emailVerified", bool(p.emailVerified()));
        } else if (account instanceof DoctorAccount d) {
            item.put("crm", s(d.crm().value()));
            item.put("specialties", strings(d.specialties()));
            d.email().ifPresent(email -> item.put("email", s(email.value())));
            d.phone().ifPresent(phone -> item.put("phone", s(phone.e164())));
        }
        return item;
    }

    @Override
    public void updatePasswordHash(AccountId id, String passwordHash) {
        try {
            table.client().updateItem(b -> b.tableName(table.name()).key(AccountKeys.account(id.toString()))
                    .updateExpression("SET passwordHash = :hash")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":hash", s(passwordHash))));
        } catch (ConditionalCheckFailedException absent) {
            // no such account: nothing to update
        }
    }

    @Override
    public boolean changeEmail(AccountId id, Optional<Email> from, Email to) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", s(to.value()), ":yes", bool(true)));
        from.ifPresent(email -> values.put(":from", s(email.value())));
        // emailVerified is set on doctors too (their e-mail is verified by being there), so a repeated
        // change is recognised alike for both
        return conditionally(b -> b.tableName(table.name()).key(AccountKeys.account(id.toString()))
                .updateExpression("SET email = :to, emailVerified = :yes")
                .conditionExpression("attribute_exists(PK) AND (" + (from.isPresent() ? "email = :from" : "attribute_not_exists(email)")
                        + " OR (email = :to AND emailVerified = :yes))")
                .expressionAttributeValues(values));
    }

    @Override
    public boolean markEmailVerified(AccountId id, Email email) {
        return conditionally(b -> b.tableName(table.name()).key(AccountKeys.account(id.toString()))
                .updateExpression("SET emailVerified = :yes")
                .conditionExpression("attribute_exists(PK) AND #role = :patient AND email = :email")
                .expressionAttributeNames(Map.of("#role", "role"))
                .expressionAttributeValues(Map.of(":yes", bool(true), ":patient", s(Role.PATIENT.name()), ":email", s(email.value()))));
    }

    @Override
    public void correct(AccountId id, AccountCorrection correction) {
        if (correction.isEmpty()) {
            return;
        }
        List<String> sets = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>();
        correction.name().ifPresent(name -> {
            sets.add("#name = :name");
            values.put(":name", s(name));
        });
        correction.phone().ifPresent(phone -> {
            sets.add("phone = :phone");
            values.put(":phone", s(phone.e164()));
        });
        correction.birthDate().ifPresent(birthDate -> {
            sets.add("birthDate = :birthDate");
            sets.add("birthDateCorrections = list_append(if_not_exists(birthDateCorrections, :none), :correction)");
            values.put(":birthDate", s(birthDate.corrected().toString()));
            values.put(":none", AttributeValue.fromL(List.of()));
            values.put(":correction", AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                    "previous", s(birthDate.previous().toString()),
                    "corrected", s(birthDate.corrected().toString()),
                    "reason", s(birthDate.reason()),
                    "at", instant(birthDate.at()))))));
        });
        String update = (sets.isEmpty() ? "" : "SET " + String.join(", ", sets)) + (correction.removePhone() ? " REMOVE phone" : "");
        Map<String, String> names = correction.name().isPresent() ? Map.of("#name", "name") : Map.of();
        conditionally(b -> b.tableName(table.name()).key(AccountKeys.account(id.toString()))
                .updateExpression(update.strip())
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(names.isEmpty() ? null : names)
                .expressionAttributeValues(values.isEmpty() ? null : values));
    }

    @Override
    public List<BirthDateCorrection> birthDateCorrections(AccountId id) {
        return table.item(AccountKeys.account(id.toString()))
                .map(item -> item.get("birthDateCorrections"))
                .filter(AttributeValue::hasL)
                .map(list -> list.l().stream().map(AttributeValue::m).map(m -> new BirthDateCorrection(
                        LocalDate.parse(string(m, "previous")), LocalDate.parse(string(m, "corrected")),
                        string(m, "reason"), instant(m, "at"))).toList())
                .orElse(List.of());
    }

    /** One conditional update: true if applied, false if its condition failed. */
    private boolean conditionally(Consumer<UpdateItemRequest.Builder> update) {
        try {
            table.client().updateItem(update);
            return true;
        } catch (ConditionalCheckFailedException notNow) {
            return false;
        }
    }

    private static Account toAccount(Map<String, AttributeValue> item) {
        AccountId id = AccountId.of(AccountKeys.accountIdOf(string(item, Keys.PK)));
        Role role = Role.valueOf(string(item, "role"));
        return switch (role) {
            case PATIENT -> new PatientAccount(id, string(item, "name"),
                    new Email(string(item, "email")),
                    new Cpf(string(item, "cpf")),
                    LocalDate.parse(string(item, "birthDate")),
                    optionalString(item, "phone").map(Phone::new),
                    string(item, "passwordHash"),
                    instant(item, "createdAt"),
                    bool(item, "emailVerified"));
            case DOCTOR -> new DoctorAccount(id, string(item, "name"),
                    Crm.tryParse(string(item, "crm")).orElseThrow(),
                    strings(item, "specialties"),
                    string(item, "passwordHash"),
                    instant(item, "createdAt"),
                    optionalString(item, "email").map(Email::new),
                    optionalString(item, "phone").map(Phone::new));
        };
    }
}
