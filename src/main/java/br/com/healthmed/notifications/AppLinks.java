package br.com.healthmed.notifications;

import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.platform.graphql.GlobalId;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Links into the web app ({@code healthmed.web.app-url}): e-mails and calendar entries point there,
 * never at a meeting room, so everything about a consultation stays behind the app's login.
 */
@ConfigurationProperties("healthmed.web")
public record AppLinks(@DefaultValue("https://app.healthmed.com.br") URI appUrl) {

    /** The appointment's page, named by the global id the API gives it (the app passes it to appointment(id:)). */
    public URI appointment(AppointmentId id) {
        return URI.create(base() + "/consultas/" + GlobalId.encode("Appointment", id));
    }

    /**
     * Where the app verifies the account's e-mail with a code: with the address it registered
     * ({@code verifyEmailAndLogin}, no session needed), or as the logged-in owner ({@code verifyEmail}).
     */
    public URI emailVerification(String code) {
        return URI.create(base() + "/conta/verificar-email?codigo=" + code);
    }

    /** Where the app confirms a move to a new e-mail address with its code. */
    public URI emailChange(String code) {
        return URI.create(base() + "/conta/confirmar-novo-email?codigo=" + code);
    }

    /** The account's security settings: sessions, password, security log. */
    public URI accountSecurity() {
        return URI.create(base() + "/conta/seguranca");
    }

    /** The app's login page, which also offers "forgot my password" (requestPasswordReset). */
    public URI signIn() {
        return URI.create(base() + "/entrar");
    }

    public URI notificationSettings() {
        return URI.create(base() + "/conta/notificacoes");
    }

    /**
     * The app's page for a new password. The token rides in the fragment, which browsers never send
     * to a server: it stays out of access logs and {@code Referer} headers.
     */
    public URI passwordReset(String token) {
        return URI.create(base() + "/conta/redefinir-senha#token=" + token);
    }

    private String base() {
        String url = appUrl.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
