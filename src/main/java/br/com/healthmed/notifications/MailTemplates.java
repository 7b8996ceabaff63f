package br.com.healthmed.notifications;

import br.com.healthmed.records.ClinicalRecordEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The e-mails, in Brazilian Portuguese, as text and HTML with the same content. They say what
 * changed, when (in the doctor's time zone) and with whom, and link to the appointment in the app.
 * By design they never carry clinical detail: no specialty, no justification or rejection text, no
 * record or file names, and no meeting link (that stays behind the app's login). The account e-mails
 * (an address's verification code, the notice of an e-mail change) carry the code as their only secret.
 */
@Component
class MailTemplates {

    static final Locale PT_BR = Locale.forLanguageTag("pt-BR");
    /** Account e-mails are about no consultation, so no doctor's zone: times in Brasília's. */
    static final ZoneId BRASILIA = ZoneId.of("America/Sao_Paulo");
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE, d 'de' MMMM 'de' uuuu, 'às' HH:mm", PT_BR);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM 'às' HH:mm", PT_BR);
    private static final String FORGOT_PASSWORD = "se não se lembra da senha, use \"Esqueci minha senha\" na tela de entrada.";

    private final AppLinks links;

    MailTemplates(AppLinks links) {
        this.links = links;
    }

    /** What an e-mail is about, which decides its footer. */
    enum Topic { APPOINTMENT, REMINDER, ACCOUNT }

    /** What one e-mail says: a subject, a greeting's name, paragraphs, the app link and its label, and its topic. */
    record Notice(String subject, String greeting, List<String> paragraphs, URI link, String linkLabel, Topic topic) {

        /** An appointment's e-mail (or its reminder), linking to the appointment in the app. */
        Notice(String subject, String greeting, List<String> paragraphs, URI link, boolean reminder) {
            this(subject, greeting, paragraphs, link, "Ver a consulta no app", reminder ? Topic.REMINDER : Topic.APPOINTMENT);
        }

        boolean reminder() {
            return topic == Topic.REMINDER;
        }
    }

    /** "quinta-feira, 10 de dezembro de 2026, às 09:00 (Horário de Brasília)". */
    static String when(Instant at, ZoneId zone) {
        return LONG.format(at.atZone(zone)) + " (" + zone.getDisplayName(TextStyle.FULL, PT_BR) + ")";
    }

    static String shortWhen(Instant at, ZoneId zone) {
        return SHORT.format(at.atZone(zone));
    }

    static String leadText(Duration lead) {
        if (lead.toMinutes() % 60 != 0) {
            return "em " + lead.toMinutes() + (lead.toMinutes() == 1 ? " minuto" : " minutos");
        }
        long hours = lead.toHours();
        return "em " + hours + (hours == 1 ? " hora" : " horas");
    }

    Mail render(Notice notice, String address, List<Mail.Attachment> attachments) {
        List<String> text = new ArrayList<>();
        List<String> html = new ArrayList<>();
        text.add("Olá, " + notice.greeting() + "!");
        html.add("<p>Olá, " + HtmlUtils.htmlEscape(notice.greeting()) + "!</p>");
        for (String paragraph : notice.paragraphs()) {
            text.add(paragraph);
            html.add("<p>" + HtmlUtils.htmlEscape(paragraph) + "</p>");
        }
        text.add(notice.linkLabel() + ": " + notice.link());
        html.add("<p><a href=\"" + HtmlUtils.htmlEscape(notice.link().toString()) + "\">" + HtmlUtils.htmlEscape(notice.linkLabel()) + "</a></p>");
        List<String> footer = new ArrayList<>();
        if (notice.topic() == Topic.ACCOUNT) {
            footer.add("O Health&Med nunca pede sua senha nem este código por telefone, mensagem ou e-mail.");
        } else {
            footer.add("Por segurança, este e-mail não traz detalhes clínicos; o link da sala da consulta fica no app, após o login.");
        }
        footer.add("Este é um e-mail automático do Health&Med; não é preciso respondê-lo.");
        if (notice.reminder()) {
            footer.add("Não quer receber lembretes por e-mail? Ajuste suas preferências no app: " + links.notificationSettings());
        }
        text.add("--\n" + String.join("\n", footer));
        html.add("<hr><p style=\"color:#666;font-size:12px\">"
                + String.join("<br>", footer.stream().map(HtmlUtils::htmlEscape).toList()) + "</p>");
        return new Mail(address, notice.greeting(), notice.subject(), String.join("\n\n", text) + "\n",
                "<!DOCTYPE html><html lang=\"pt-BR\"><head><meta charset=\"UTF-8\"><title>" + HtmlUtils.htmlEscape(notice.subject())
                        + "</title></head><body>" + String.join("", html) + "</body></html>", attachments);
    }

    // --- one notice per change and recipient ------------------------------------------------------

    Notice requestedToDoctor(Participants.Pair pair, AppointmentFacts facts) {
        return notice("Nova solicitação de consulta: " + shortWhen(facts.start(), pair.zone()), pair.doctor(), facts,
                pair.patient().name() + " solicitou uma consulta online com você para " + when(facts.start(), pair.zone()) + ".",
                "Aceite ou recuse a solicitação pelo app antes do horário da consulta.");
    }

    Notice cancelledByPatientToDoctor(Participants.Pair pair, AppointmentFacts facts) {
        return notice("Consulta cancelada pelo paciente: " + shortWhen(facts.start(), pair.zone()), pair.doctor(), facts,
                pair.patient().name() + " cancelou a consulta de " + when(facts.start(), pair.zone()) + ".",
                "O horário voltou a ficar livre na sua agenda.");
    }

    Notice cancelledByPatientToPatient(Participants.Pair pair, AppointmentFacts facts) {
        return notice("Cancelamento registrado: " + shortWhen(facts.start(), pair.zone()), pair.patient(), facts,
                "Registramos o cancelamento da sua consulta com " + pair.doctorDisplay() + " de "
                        + when(facts.start(), pair.zone()) + ".",
                "O anexo remove a consulta da sua agenda.");
    }

    Notice confirmedToPatient(Participants.Pair pair, AppointmentFacts facts) {
        return notice("Consulta confirmada: " + shortWhen(facts.start(), pair.zone()), pair.patient(), facts,
                pair.doctorDisplay() + " confirmou sua consulta online de " + when(facts.start(), pair.zone()) + ".",
                "O convite anexo coloca a consulta na sua agenda. A sala da consulta abre no app 15 minutos antes do início.");
    }

    Notice rejectedToPatient(Participants.Pair pair, AppointmentFacts facts) {
        return notice("Solicitação de consulta não aceita: " + shortWhen(facts.start(), pair.zone()), pair.patient(), facts,
                pair.doctorDisplay() + " não pôde aceitar sua solicitação de consulta para " + when(facts.start(), pair.zone()) + ".",
                "Você pode escolher outro horário no app.");
    }

    Notice cancelledByDoctorToPatient(Participants.Pair pair, AppointmentFacts facts) {
        return notice("Consulta cancelada: " + shortWhen(facts.start(), pair.zone()), pair.patient(), facts,
                pair.doctorDisplay() + " cancelou a consulta de " + when(facts.start(), pair.zone()) + ".",
                "O anexo remove a consulta da sua agenda. No app você vê os detalhes e pode escolher outro horário.");
    }

    Notice expiredToPatient(Participants.Pair pair, AppointmentFacts facts) {
        return notice("Solicitação de consulta expirada: " + shortWhen(facts.start(), pair.zone()), pair.patient(), facts,
                pair.doctorDisplay() + " não respondeu a tempo à sua solicitação de consulta para "
                        + when(facts.start(), pair.zone()) + ".",
                "Você pode escolher outro horário no app.");
    }

    Notice rescheduled(Participants.Pair pair, AppointmentFacts facts, boolean toDoctor) {
        String with = toDoctor ? "com " + pair.patient().name() : "com " + pair.doctorDisplay();
        String from = facts.previousStart().map(p -> " de " + when(p, pair.zone())).orElse("");
        return notice("Consulta remarcada: " + shortWhen(facts.start(), pair.zone()), toDoctor ? pair.doctor() : pair.patient(), facts,
                "Sua consulta " + with + " foi remarcada" + from + " para " + when(facts.start(), pair.zone()) + ".",
                toDoctor ? "Confira sua agenda no app." : "Se você recebeu o convite da consulta, o anexo atualiza a sua agenda.");
    }

    Notice waitlistOfferToPatient(Participants.Pair pair, AppointmentFacts facts, Instant until) {
        return notice("Horário disponível para você: " + shortWhen(facts.start(), pair.zone()), pair.patient(), facts,
                "Abriu um horário na agenda de " + pair.doctorDisplay() + " que você aguardava: " + when(facts.start(), pair.zone()) + ".",
                "Ele fica reservado só para você até " + shortWhen(until, pair.zone())
                        + ". Aceite ou recuse pelo app; depois disso ele passa para a próxima pessoa da lista de espera.");
    }

    Notice newTimeProposedToPatient(Participants.Pair pair, AppointmentFacts facts) {
        String from = facts.previousStart().map(p -> " de " + when(p, pair.zone())).orElse("");
        return notice("Novo horário proposto: " + shortWhen(facts.start(), pair.zone()), pair.patient(), facts,
                pair.doctorDisplay() + " propôs mudar sua consulta" + from + " para " + when(facts.start(), pair.zone()) + ".",
                "O novo horário fica reservado para você por algum tempo. Aceite ou recuse pelo app.");
    }

    Notice newTimeDeclinedToDoctor(Participants.Pair pair, AppointmentFacts facts) {
        String at = facts.previousStart().map(p -> when(p, pair.zone())).orElse("");
        return notice("Novo horário recusado: " + shortWhen(facts.start(), pair.zone()), pair.doctor(), facts,
                pair.patient().name() + " preferiu manter a consulta de " + at + " em vez do horário proposto ("
                        + when(facts.start(), pair.zone()) + ").",
                "O horário proposto voltou a ficar livre na sua agenda.");
    }

    Notice reminder(Participants.Pair pair, AppointmentFacts facts, Duration lead, boolean toDoctor) {
        String with = toDoctor ? pair.patient().name() : pair.doctorDisplay();
        return new Notice("Lembrete: consulta " + leadText(lead) + " (" + shortWhen(facts.start(), pair.zone()) + ")",
                (toDoctor ? pair.doctor() : pair.patient()).name(),
                List.of("Sua consulta online com " + with + " começa " + leadText(lead) + ": " + when(facts.start(), pair.zone()) + ".",
                        "Entre pelo app para acessar a sala; ela abre 15 minutos antes do início."),
                links.appointment(facts.appointmentId()), true);
    }

    // --- about the account itself (no appointment, nothing clinical) ---------------------------------

    /** The code that verifies the account's address, and the link to the app that carries it. */
    Notice emailVerificationCode(String name, String code, Instant expiresAt) {
        return new Notice("Confirme seu e-mail no Health&Med", name, List.of(
                "Para confirmar que este endereço é seu, use o código " + code + " no app, ou abra o link abaixo,"
                        + " junto com a senha que você escolheu no cadastro.",
                "O código vale até " + when(expiresAt, BRASILIA) + " e só pode ser usado uma vez.",
                "Enquanto o e-mail não for confirmado, não é possível entrar na conta só com a senha.",
                "Se você não criou uma conta no Health&Med, ignore este e-mail. Se quer usar este endereço, mas não"
                        + " sabe a senha com que a conta foi criada, use \"Esqueci minha senha\": a nova senha também confirma o e-mail."),
                links.emailVerification(code.replace("-", "")), "Confirmar e-mail", Topic.ACCOUNT);
    }

    /** The code that confirms a move to this (new) address. */
    Notice emailChangeCode(String name, String code, Instant expiresAt) {
        return new Notice("Confirme seu novo e-mail no Health&Med", name, List.of(
                "Recebemos um pedido para que este passe a ser o e-mail da sua conta. Para confirmar, use o código " + code
                        + " no app, ou abra o link abaixo.",
                "O código vale até " + when(expiresAt, BRASILIA) + " e só pode ser usado uma vez. Até lá, nada muda na sua conta.",
                "Se não foi você quem pediu, ignore este e-mail: sem o código, o e-mail da conta não muda."),
                links.emailChange(code.replace("-", "")), "Confirmar novo e-mail", Topic.ACCOUNT);
    }

    /** Tells the current address that a move away from it was asked for. */
    Notice emailChangeNotice(String name, String newAddress, Instant requestedAt) {
        return new Notice("Pedido de troca do e-mail da sua conta", name, List.of(
                "Em " + when(requestedAt, BRASILIA) + " foi pedida a troca do e-mail da sua conta Health&Med para "
                        + masked(newAddress) + ".",
                "A troca só vale depois de confirmada com o código enviado ao novo endereço; até lá, este continua sendo o e-mail da conta.",
                "Se não foi você, troque sua senha agora e confira as atividades recentes da conta no app."),
                links.accountSecurity(), "Ver a segurança da conta", Topic.ACCOUNT);
    }

    /**
     * To an address's owner: someone tried to register with it. Nothing of the attempt beyond its time
     * (no password, no CPF, no name typed), so the e-mail hands nobody anything.
     */
    Notice registrationAttempt(String name, Instant attemptedAt) {
        return signInNotice("Tentativa de cadastro com o seu e-mail", name,
                "Em " + when(attemptedAt, BRASILIA) + " alguém tentou criar uma conta no Health&Med com este e-mail, "
                        + "que já é de uma conta. Nenhuma conta nova foi criada.",
                "Se foi você, entre com seu e-mail e sua senha; " + FORGOT_PASSWORD,
                "Se não foi você, nada muda na sua conta: pode ignorar este e-mail.");
    }

    /**
     * To an address with no account: its registration could not be completed with the data given (the
     * CPF has an account). Names neither that account nor its address, and not the CPF.
     */
    Notice registrationNotCompleted(String name, Instant attemptedAt) {
        return signInNotice("Não foi possível concluir seu cadastro no Health&Med", name,
                "Em " + when(attemptedAt, BRASILIA) + " pedimos a criação de uma conta no Health&Med com este e-mail, "
                        + "mas não foi possível concluir o cadastro com os dados informados.",
                "Se você já tem uma conta, entre com ela; " + FORGOT_PASSWORD + " Se precisar de ajuda, fale com o nosso atendimento.",
                "Se você não pediu este cadastro, ignore este e-mail.");
    }

    /** An account e-mail whose link is the app's login page. */
    private Notice signInNotice(String subject, String name, String... paragraphs) {
        return new Notice(subject, name, List.of(paragraphs), links.signIn(), "Entrar no Health&Med", Topic.ACCOUNT);
    }

    /** The password-reset e-mail: the token travels in the link (its fragment), and nothing else in it is secret. */
    Notice passwordReset(String name, URI link, Instant expiresAt) {
        return new Notice("Redefinição de senha do Health&Med", name, List.of(
                "Recebemos um pedido para redefinir a senha da sua conta no Health&Med.",
                "Use o link abaixo até " + when(expiresAt, BRASILIA) + "; ele vale uma única vez. "
                        + "Ao definir a nova senha, todas as sessões abertas da sua conta são encerradas.",
                "Se não foi você quem pediu, ignore este e-mail: sua senha continua a mesma."),
                link, "Definir uma nova senha", Topic.ACCOUNT);
    }

    /** {@code ana.souza@example.com} as {@code a***a@example.com}: enough for the owner to recognise, little for anyone else. */
    static String masked(String address) {
        int at = address.indexOf('@');
        String local = address.substring(0, at);
        String shown = local.length() <= 2 ? local.charAt(0) + "***" : local.charAt(0) + "***" + local.charAt(local.length() - 1);
        return shown + address.substring(at);
    }

    /**
     * A doctor wrote, amended or issued something in the patient's record: who and for which consultation,
     * never what (no diagnosis, no document kind, no file name).
     */
    Notice clinicalRecordToPatient(Participants.Pair pair, AppointmentFacts facts, ClinicalRecordEvent.Kind kind) {
        String what = switch (kind) {
            case NOTE_WRITTEN -> "registrou uma nota na sua consulta de ";
            case NOTE_AMENDED -> "atualizou a nota da sua consulta de ";
            case DOCUMENT_ISSUED -> "emitiu um documento na sua consulta de ";
        };
        return notice("Novo registro no seu prontuário: consulta de " + shortWhen(facts.start(), pair.zone()), pair.patient(), facts,
                pair.doctorDisplay() + " " + what + when(facts.start(), pair.zone()) + ".",
                "Você pode ver o registro no app, no seu prontuário, após o login.");
    }

    private Notice notice(String subject, Participants.Person to, AppointmentFacts facts, String... paragraphs) {
        return new Notice(subject, to.name(), List.of(paragraphs), links.appointment(facts.appointmentId()), false);
    }

    /** What an e-mail may say of the appointment: its id (for the link) and its times. */
    record AppointmentFacts(br.com.healthmed.scheduling.AppointmentId appointmentId, Instant start, Instant end,
                            Optional<Instant> previousStart) {}
}
