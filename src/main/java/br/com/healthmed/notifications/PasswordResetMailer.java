package br.com.healthmed.notifications;

import br.com.healthmed.identity.PasswordResetMessages;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Sends identity's password-reset e-mails through the {@link Mailer}, in the notifications' style
 * ({@link MailTemplates#passwordReset}). The token is in the link and nowhere else; the subject says
 * nothing about the person.
 */
@Component
class PasswordResetMailer implements PasswordResetMessages {

    private final MailTemplates templates;
    private final AppLinks links;
    private final Mailer mailer;

    PasswordResetMailer(MailTemplates templates, AppLinks links, Mailer mailer) {
        this.templates = templates;
        this.links = links;
        this.mailer = mailer;
    }

    @Override
    public void sendPasswordReset(PasswordResetMail mail) {
        mailer.send(templates.render(templates.passwordReset(mail.name(), links.passwordReset(mail.token()), mail.expiresAt()),
                mail.to().value(), List.of()));
    }
}
