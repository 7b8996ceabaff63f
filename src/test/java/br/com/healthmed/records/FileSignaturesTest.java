package br.com.healthmed.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileSignaturesTest {

    private static final byte[] PDF = "%PDF-1.4\n%âãÏÓ".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0, 0};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    @Test
    void eachTypeAcceptsItsOwnSignatureAndNoOther() {
        assertThat(FileSignatures.matches("application/pdf", PDF)).isTrue();
        assertThat(FileSignatures.matches("application/pdf", JPEG)).isFalse();
        assertThat(FileSignatures.matches("image/jpeg", JPEG)).isTrue();
        assertThat(FileSignatures.matches("image/jpeg", PNG)).isFalse();
        assertThat(FileSignatures.matches("image/png", PNG)).isTrue();
        assertThat(FileSignatures.matches("image/png", PDF)).isFalse();
    }

    @Test
    void dicomHasDicmAfterA128BytePreamble() {
        byte[] dicom = new byte[200];
        System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, dicom, 128, 4);
        assertThat(FileSignatures.matches("application/dicom", dicom)).isTrue();
        assertThat(FileSignatures.matches("application/dicom", new byte[200])).isFalse();
        assertThat(FileSignatures.matches("application/dicom", "DICM".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void plainTextMustNotBeBinary() {
        assertThat(FileSignatures.matches("text/plain", "Glicemia: 92 mg/dL".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(FileSignatures.matches("text/plain", PNG)).isFalse();
    }

    @Test
    void aFileShorterThanTheSignatureDoesNotMatch() {
        assertThat(FileSignatures.matches("application/pdf", "%PD".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(FileSignatures.matches("image/jpeg", new byte[0])).isFalse();
    }
}
