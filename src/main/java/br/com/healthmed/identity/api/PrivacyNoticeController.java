package br.com.healthmed.identity.api;

import br.com.healthmed.identity.PrivacyNotice;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code privacyNotice}: public, the same for everyone. */
@Controller
class PrivacyNoticeController {

    private final PrivacyNotice notice;

    PrivacyNoticeController(PrivacyNotice notice) {
        this.notice = notice;
    }

    @QueryMapping
    PrivacyNotice privacyNotice() {
        return notice;
    }
}
