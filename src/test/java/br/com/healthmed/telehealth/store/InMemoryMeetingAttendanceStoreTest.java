package br.com.healthmed.telehealth.store;

import br.com.healthmed.telehealth.MeetingAttendanceStore;

class InMemoryMeetingAttendanceStoreTest extends MeetingAttendanceStoreContract {

    private final MeetingAttendanceStore store = new InMemoryMeetingAttendanceStore();

    @Override
    protected MeetingAttendanceStore store() {
        return store;
    }
}
