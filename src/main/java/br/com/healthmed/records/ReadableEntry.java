package br.com.healthmed.records;

import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/** An access-log entry with the sentence the patient reads, and the actor's name when it may be shown. */
@NamedInterface("api")
public record ReadableEntry(AccessLogEntry entry, String description, Optional<String> actorName) {}
