package br.com.healthmed.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import br.com.healthmed.platform.error.DomainException;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void pathsAndInvisibleCharactersAreDropped() {
        assertThat(FileNames.fileName("C:\\Users\\ana\\exame.pdf", "f")).isEqualTo("exame.pdf");
        assertThat(FileNames.fileName("../../etc/passwd", "f")).isEqualTo("passwd");
        assertThat(FileNames.fileName("fatura\u202Efdp.exe", "f")).isEqualTo("faturafdp.exe");
        assertThat(FileNames.fileName("  laudo\u0000 final.pdf  ", "f")).isEqualTo("laudo final.pdf");
        assertThat(FileNames.fileName("Cora\u0063\u0327\u00e3o.pdf", "f")).isEqualTo("Coração.pdf");
    }

    @Test
    void emptyOrOverlongNamesAreRefused() {
        assertThatThrownBy(() -> FileNames.fileName(" / ", "input.fileName")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> FileNames.fileName("..", "input.fileName")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> FileNames.fileName("a".repeat(201), "input.fileName")).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> FileNames.groupName("\u200B", "name")).isInstanceOf(DomainException.class);
    }
}
