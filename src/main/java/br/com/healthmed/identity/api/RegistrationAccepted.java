package br.com.healthmed.identity.api;

import br.com.healthmed.identity.Email;

/**
 * The GraphQL {@code RegistrationAccepted}: registerPatient's one answer, the same whether the e-mail
 * or the CPF already had an account (what happened is told to the address by e-mail). It carries only
 * what the caller sent, normalised, and a fixed text, so its content cannot differ between the cases.
 */
record RegistrationAccepted(String email, String message) {

    static final String MESSAGE = "We sent an e-mail to this address with the next step. To finish a new registration,"
            + " send the code in it to verifyEmailAndLogin with this address and the password you chose.";

    static RegistrationAccepted sentTo(Email email) {
        return new RegistrationAccepted(email.value(), MESSAGE);
    }
}
