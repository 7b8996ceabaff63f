package br.com.healthmed.records;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionsTest {

    @Test
    void anAsciiNameIsGivenAsIs() {
        assertThat(ContentDispositions.attachment("exame.pdf"))
                .isEqualTo("attachment; filename=\"exame.pdf\"; filename*=UTF-8''exame.pdf");
    }

    @Test
    void aPortugueseNameKeepsItsAccentsInFilenameStarAndHasAnAsciiFallback() {
        assertThat(ContentDispositions.attachment("Raio-X tórax (março).png"))
                .isEqualTo("attachment; filename=\"Raio-X t_rax (mar_o).png\"; filename*=UTF-8''Raio-X%20t%C3%B3rax%20%28mar%C3%A7o%29.png");
    }

    @Test
    void quotesBackslashesAndHeaderBreakingCharactersCannotEscape() {
        String header = ContentDispositions.attachment("a\"b\\c;d\r\nSet-Cookie: x=1.pdf");

        assertThat(header).doesNotContain("\r").doesNotContain("\n");
        assertThat(header).startsWith("attachment; filename=\"a_b_c;d__Set-Cookie: x=1.pdf\"; filename*=UTF-8''");
        assertThat(header.substring(header.indexOf("filename*="))).doesNotContain("\"").doesNotContain(";").doesNotContain(" ");
    }
}
