package br.com.healthmed.records;

import java.net.URI;
import java.time.Instant;

/** A short-lived URL that downloads one file as an attachment with its original name. */
public record DownloadLink(URI url, Instant expiresAt, String fileName) {}
