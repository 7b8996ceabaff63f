package br.com.healthmed.telehealth.store;

import br.com.healthmed.support.Dynalite;
import br.com.healthmed.telehealth.MeetingAttendanceStore;

/** The production adapter against dynalite. */
class DynamoMeetingAttendanceStoreTest extends MeetingAttendanceStoreContract {

    private final MeetingAttendanceStore store = new DynamoMeetingAttendanceStore(Dynalite.newTable());

    @Override
    protected MeetingAttendanceStore store() {
        return store;
    }
}
