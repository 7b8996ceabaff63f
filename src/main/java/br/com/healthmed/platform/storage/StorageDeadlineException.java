package br.com.healthmed.platform.storage;

/**
 * A storage call not started: the GraphQL request it was made for has spent its storage deadline
 * ({@link StorageDeadline}) on the calls before it. Answered as {@code STORAGE_UNAVAILABLE}: the calls
 * before it were slow, and the client should come back a little later.
 */
public final class StorageDeadlineException extends RuntimeException {

    StorageDeadlineException(String dependency) {
        super(dependency + ": the request's storage deadline has passed", null, false, false);
    }
}
