package br.com.healthmed.scheduling.api;

import br.com.healthmed.directory.DoctorView;
import br.com.healthmed.identity.AccountId;
import br.com.healthmed.identity.DoctorSummary;
import br.com.healthmed.platform.security.Caller;
import br.com.healthmed.platform.security.RoleGate;
import br.com.healthmed.scheduling.BookingRules;
import br.com.healthmed.scheduling.DoctorBookingRules;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;

/** A doctor's booking rules: set by the doctor, read by anyone deciding when to book. */
@Controller
class BookingRulesController {

    private final DoctorBookingRules rules;

    BookingRulesController(DoctorBookingRules rules) {
        this.rules = rules;
    }

    @MutationMapping
    RulesView updateBookingRules(@Argument RulesInput input, @AuthenticationPrincipal Caller caller) {
        return RulesView.of(rules.update(AccountId.of(RoleGate.doctor(caller)), input.minimumNoticeMinutes(), input.maximumAdvanceDays(),
                input.bufferMinutes(), input.lateCancellationNoticeHours(), input.instantBooking()));
    }

    @QueryMapping
    RulesView myBookingRules(@AuthenticationPrincipal Caller caller) {
        return RulesView.of(rules.of(AccountId.of(RoleGate.doctor(caller))));
    }

    @BatchMapping(typeName = "Doctor", field = "bookingRules")
    Map<DoctorSummary, RulesView> bookingRules(List<DoctorSummary> doctors) {
        return rulesOf(doctors, DoctorSummary::id);
    }

    /** The public profile (doctor(id), search results) shows the rules too: one batched read per request. */
    @BatchMapping(typeName = "DoctorProfile", field = "bookingRules")
    Map<DoctorView, RulesView> profileBookingRules(List<DoctorView> doctors) {
        return rulesOf(doctors, DoctorView::id);
    }

    private <D> Map<D, RulesView> rulesOf(List<D> doctors, Function<D, AccountId> idOf) {
        Map<AccountId, BookingRules> found = rules.ofAll(doctors.stream().map(idOf).distinct().toList());
        return doctors.stream().distinct().collect(Collectors.toMap(Function.identity(), d -> RulesView.of(found.get(idOf.apply(d)))));
    }

    record RulesInput(int minimumNoticeMinutes, int maximumAdvanceDays, int bufferMinutes, int lateCancellationNoticeHours,
                      boolean instantBooking) {}

    record RulesView(long minimumNoticeMinutes, long maximumAdvanceDays, long bufferMinutes, long lateCancellationNoticeHours,
                     boolean instantBooking) {
        static RulesView of(BookingRules rules) {
            return new RulesView(rules.minimumNotice().toMinutes(), rules.maximumAdvance().toDays(), rules.buffer().toMinutes(),
                    rules.lateCancellationNotice().toHours(), rules.instantBooking());
        }
    }
}
