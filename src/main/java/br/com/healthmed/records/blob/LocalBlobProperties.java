package br.com.healthmed.records.blob;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code healthmed.records.local-blobs.*}, used with {@code healthmed.blob-store=local} (the default).
 *
 * @param directory where the encrypted files live; survives restarts
 * @param baseUrl   how clients reach this service, for the upload and download URLs; by default
 *                  {@code http://localhost:<port>}
 * @param key       the 256-bit master key, base64; without one it is generated on first start and kept
 *                  in {@code <directory>/master.key} (readable by the owner only)
 */
@ConfigurationProperties("healthmed.records.local-blobs")
public record LocalBlobProperties(@DefaultValue("data/blobs") Path directory, String baseUrl, String key) {}
