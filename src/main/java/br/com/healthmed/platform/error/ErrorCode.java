package br.com.healthmed.platform.error;

import org.springframework.graphql.execution.ErrorType;

/**
 * An {@code extensions.code} a client can receive. Platform declares only this contract and its own generic
 * codes ({@link PlatformErrors}); each module declares the codes it raises in an enum of its own (e.g.
 * {@code scheduling.SchedulingErrors}). The names are part of the API: front-end code switches on them, so
 * a constant is never renamed, only added, and no two enums use the same name. docs/api.md lists them
 * all, each with its description as its "when" column ({@code ErrorCodeDocumentationTest} finds every
 * implementation, fails on a duplicate name, and keeps the table the same).
 */
public interface ErrorCode {

    /** The code as clients see it in {@code extensions.code}; implemented by the enum constant's name. */
    String name();

    ErrorType errorType();

    /** What the code means to a client: the "when" column of docs/api.md's error table. */
    String description();
}
