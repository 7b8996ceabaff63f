package br.com.healthmed.privacy;

import static br.com.healthmed.privacy.Json.object;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a copy of a person's data as a ZIP: the files the sections added (each streamed, never held
 * whole in memory), then {@value #JSON} (machine-readable, format {@value #FORMAT} version
 * {@value #VERSION}, docs/privacy.md) with a manifest of the files written and their SHA-256, and
 * {@value #README} (what the archive is, in Portuguese).
 */
@Component
class ExportArchive {

    static final String JSON = "dados.json";
    static final String README = "LEIA-ME.txt";
    static final String FORMAT = "healthmed.data-export";
    static final int VERSION = 1;

    private final List<PersonalDataSection> sections;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    ExportArchive(List<PersonalDataSection> sections, Clock clock) {
        this.sections = List.copyOf(sections);
        this.clock = clock;
    }

    /** Writes the archive of {@code export} to {@code target}; returns its size in bytes. */
    long write(DataExport export, Path target) throws IOException {
        DataSubject subject = new DataSubject(export.account(), export.role());
        ExportFiles files = new ExportFiles();
        Map<String, Object> document = object("format", FORMAT, "version", VERSION, "exportId", export.id(),
                "generatedAt", clock.instant(), "subject", object("accountId", subject.account().toString(), "role", subject.role()));
        Map<String, Object> collected = new LinkedHashMap<>();
        for (PersonalDataSection section : sections) {
            section.collect(subject, files).ifPresent(value -> collected.put(section.key(), value));
        }
        document.putAll(collected);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target))) {
            List<Map<String, Object>> manifest = new ArrayList<>();
            for (ExportFiles.Entry entry : files.entries()) {
                Optional<InputStream> content = entry.content().get();
                if (content.isEmpty()) {
                    continue; // deleted since the listing: not in the copy
                }
                try (InputStream in = content.get()) {
                    zip.putNextEntry(new ZipEntry(entry.path()));
                    MessageDigest sha256 = sha256();
                    long size = in.transferTo(new DigestOutputStream(nonClosing(zip), sha256));
                    zip.closeEntry();
                    manifest.add(object("path", entry.path(), "sizeBytes", size, "sha256", HexFormat.of().formatHex(sha256.digest())));
                }
            }
            document.put("files", manifest);
            zip.putNextEntry(new ZipEntry(JSON));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(README));
            zip.write(readme().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return Files.size(target);
    }

    private static String readme() {
        return """
                Cópia dos seus dados na Health&Med (LGPD, art. 18, II e V, e art. 19).

                dados.json: tudo o que a plataforma guarda sobre você, em formato legível por máquina
                (JSON, formato "%s", versão %d): conta, consultas com seu histórico, avaliações,
                prontuário (arquivos, grupos, compartilhamentos e registro de acessos), preferências de
                notificação, registro de segurança e pedidos de inativação. A lista "files" traz cada
                arquivo desta cópia com o tamanho e o resumo SHA-256.

                files/: os arquivos do seu prontuário, um por pasta com o identificador do arquivo.
                Arquivos que não passaram pela verificação de vírus aparecem no dados.json, mas não aqui.

                Esta cópia fica disponível por 7 dias. Guarde-a em local seguro: ela contém dados de saúde.
                """.formatted(FORMAT, VERSION);
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
