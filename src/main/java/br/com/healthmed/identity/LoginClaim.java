package br.com.healthmed.identity;

import java.util.Objects;

/**
 * A login identifier that must belong to at most one account: an e-mail, a CPF or a CRM, each
 * normalised. Owning the claim is what makes the identifier unique, since storage has no unique
 * index on attributes.
 */
public record LoginClaim(Kind kind, String value) {

    public enum Kind { EMAIL, CPF, CRM }

    public LoginClaim {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(value);
    }

    public static LoginClaim of(Email email) {
        return new LoginClaim(Kind.EMAIL, email.value());
    }

    public static LoginClaim of(Cpf cpf) {
        return new LoginClaim(Kind.CPF, cpf.digits());
    }

    public static LoginClaim of(Crm crm) {
        return new LoginClaim(Kind.CRM, crm.value());
    }

    @Override
    public String toString() {
        return kind + "#" + value;
    }
}
