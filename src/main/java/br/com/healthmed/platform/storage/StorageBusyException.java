package br.com.healthmed.platform.storage;

/** A storage call not started: as many calls as the dependency may have at once were already running. */
public final class StorageBusyException extends RuntimeException {

    StorageBusyException(String dependency) {
        super(dependency + ": too many calls in progress", null, false, false);
    }
}
