package br.com.healthmed.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import br.com.healthmed.identity.AccountId;
import br.com.healthmed.scheduling.AppointmentId;
import br.com.healthmed.support.GlobalIds;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The e-mails as people read them: Portuguese, the doctor's local time, names that cannot inject markup. */
class MailTemplatesTest {

    private static final AppointmentId APPOINTMENT = AppointmentId.of("1b4e28ba-2fa1-41d2-883f-0016d3cca427");
    private static final Instant START = Instant.parse("2026-12-10T12:00:00Z");

    private final MailTemplates templates = new MailTemplates(new AppLinks(URI.create("https://app.healthmed.example/")));
    private final Participants.Pair pair = new Participants.Pair(
            new Participants.Person(AccountId.random(), "Helena Lima", Optional.of("helena@example.com")),
            new Participants.Person(AccountId.random(), "Ana <b>Souza</b> & Cia", Optional.of("ana@example.com")),
            Participants.doctorDisplay("Helena Lima", "123456/SP"), ZoneId.of("America/Sao_Paulo"));
    private final MailTemplates.AppointmentFacts facts = new MailTemplates.AppointmentFacts(APPOINTMENT, START,
            START.plus(Duration.ofMinutes(50)), Optional.empty());

    @Test
    void theConfirmationSaysWithWhomAndWhenInTheDoctorsZoneAndLinksToTheApp() {
        Mail mail = templates.render(templates.confirmedToPatient(pair, facts), "ana@example.com", List.of());

        assertThat(mail.subject()).isEqualTo("Consulta confirmada: 10/12 às 09:00");
        assertThat(mail.text()).contains("Dr(a). Helena Lima (CRM 123456/SP) confirmou sua consulta online de "
                        + "quinta-feira, 10 de dezembro de 2026, às 09:00 (Horário de Brasília).",
                "https://app.healthmed.example/consultas/" + GlobalIds.of("Appointment", APPOINTMENT));
        assertThat(mail.text()).doesNotContain("Não quer receber lembretes");
    }

    @Test
    void namesAreEscapedInTheHtmlPart() {
        Mail mail = templates.render(templates.requestedToDoctor(pair, facts), "helena@example.com", List.of());

        assertThat(mail.html()).contains("Ana &lt;b&gt;Souza&lt;/b&gt; &amp; Cia").doesNotContain("<b>Souza</b>");
        assertThat(mail.text()).contains("Ana <b>Souza</b> & Cia solicitou uma consulta online");
    }

    @Test
    void aReminderSaysHowSoonAndHowToStopReminders() {
        Mail mail = templates.render(templates.reminder(pair, facts, Duration.ofHours(1), true), "helena@example.com", List.of());

        assertThat(mail.subject()).isEqualTo("Lembrete: consulta em 1 hora (10/12 às 09:00)");
        assertThat(mail.text()).contains("Olá, Helena Lima!", "Sua consulta online com Ana <b>Souza</b> & Cia começa em 1 hora",
                "https://app.healthmed.example/conta/notificacoes");
        assertThat(MailTemplates.leadText(Duration.ofHours(24))).isEqualTo("em 24 horas");
        assertThat(MailTemplates.leadText(Duration.ofMinutes(30))).isEqualTo("em 30 minutos");
    }

    @Test
    void aTitledNameKeepsItsOwnTitle() {
        assertThat(Participants.doctorDisplay("Dra. Helena Demo", "654321/SP")).isEqualTo("Dra. Helena Demo (CRM 654321/SP)");
        assertThat(Participants.doctorDisplay("Drausio Silva", "1234/RJ")).isEqualTo("Dr(a). Drausio Silva (CRM 1234/RJ)");
    }

    @Test
    void aVerificationCodeIsTheOnlySecretItCarriesAndTheSubjectHasNoneOfIt() {
        Mail mail = templates.render(templates.emailVerificationCode("Ana Souza", "1234-5678", START), "ana@example.com", List.of());

        assertThat(mail.subject()).isEqualTo("Confirme seu e-mail no Health&Med").doesNotContain("1234");
        assertThat(mail.text()).contains("Olá, Ana Souza!", "use o código 1234-5678 no app",
                "quinta-feira, 10 de dezembro de 2026, às 09:00 (Horário de Brasília)",
                "Confirmar e-mail: https://app.healthmed.example/conta/verificar-email?codigo=12345678",
                "nunca pede sua senha nem este código", "com a senha que você escolheu no cadastro", "Esqueci minha senha")
                .doesNotContain("detalhes clínicos", "Ver a consulta");
        assertThat(mail.html()).contains("<a href=\"https://app.healthmed.example/conta/verificar-email?codigo=12345678\">Confirmar e-mail</a>");
    }

    @Test
    void theChangeNoticeToTheOldAddressShowsTheNewOneMaskedAndNoCode() {
        Mail mail = templates.render(templates.emailChangeNotice("Ana Souza", "ana.nova@example.com", START), "ana@example.com", List.of());

        assertThat(mail.subject()).isEqualTo("Pedido de troca do e-mail da sua conta");
        assertThat(mail.text()).contains("a***a@example.com", "https://app.healthmed.example/conta/seguranca", "troque sua senha")
                .doesNotContain("ana.nova@").doesNotContainPattern("\\d{4}-\\d{4}");
        assertThat(MailTemplates.masked("jo@example.com")).isEqualTo("j***@example.com");
    }

    @Test
    void theRegistrationNoticesSayWhenAndWhereToLogInAndNothingElse() {
        Mail attempt = templates.render(templates.registrationAttempt("Ana Souza", START), "ana@example.com", List.of());
        Mail notCompleted = templates.render(templates.registrationNotCompleted("Bia", START), "bia@example.com", List.of());

        assertThat(attempt.subject()).isEqualTo("Tentativa de cadastro com o seu e-mail");
        assertThat(attempt.text()).contains("Olá, Ana Souza!", "quinta-feira, 10 de dezembro de 2026, às 09:00",
                "alguém tentou criar uma conta", "Nenhuma conta nova foi criada", "Esqueci minha senha",
                "https://app.healthmed.example/entrar");
        assertThat(notCompleted.subject()).isEqualTo("Não foi possível concluir seu cadastro no Health&Med");
        assertThat(notCompleted.text()).contains("Olá, Bia!", "não foi possível concluir o cadastro com os dados informados",
                "Se você já tem uma conta", "https://app.healthmed.example/entrar");
        for (Mail mail : List.of(attempt, notCompleted)) {
            assertThat(mail.text() + mail.html()).doesNotContainPattern("\\d{4}-\\d{4}").doesNotContain("CPF", "senha:");
        }
    }
}
