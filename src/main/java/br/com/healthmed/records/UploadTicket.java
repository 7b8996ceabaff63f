package br.com.healthmed.records;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** Where and how to PUT a file's bytes: the presigned URL, the headers to send with it, until when. */
public record UploadTicket(FileId fileId, URI uploadUrl, Map<String, String> uploadHeaders, Instant expiresAt) {}
