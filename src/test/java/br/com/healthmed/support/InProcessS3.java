package br.com.healthmed.support;

import jakarta.servlet.DispatcherType;
import java.lang.reflect.Field;
import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.gaul.shaded.org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * s3proxy 4.1.0, an S3-compatible server, started once per test JVM in-process on a free loopback
 * port, in memory, and stopped when the JVM exits. It checks signatures: clients sign with
 * {@link #ACCESS_KEY}/{@link #SECRET_KEY}, as the S3 adapter does when given an endpoint. Object
 * tagging, which s3proxy lacks, is added in front of it ({@link S3ObjectTagging}), with a stand-in for
 * GuardDuty's malware-scan tags.
 */
public final class InProcessS3 {

    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local";

    private static final S3ObjectTagging TAGGING = new S3ObjectTagging();

    private static URI endpoint;

    private InProcessS3() {}

    /** The endpoint of the running server, starting it on first use. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            try {
                S3Proxy proxy = S3Proxy.builder().blobStore(new TransientNio2BlobStore())
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                        .build();
                addTagging(proxy);
                proxy.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        proxy.stop();
                    } catch (Exception ignored) {
                        // the JVM is ending anyway
                    }
                }));
                endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
            } catch (Exception e) {
                throw new IllegalStateException("s3proxy did not start", e);
            }
        }
        return endpoint;
    }

    /**
     * s3proxy 4.1.0 has no object tagging: {@link S3ObjectTagging} adds it as a filter in front of its
     * servlet. The server is a private field of S3Proxy; a test harness may reach into it.
     */
    private static void addTagging(S3Proxy proxy) throws ReflectiveOperationException {
        Field server = S3Proxy.class.getDeclaredField("server");
        server.setAccessible(true);
        ServletContextHandler context = ((Server) server.get(proxy)).getDescendant(ServletContextHandler.class);
        context.addFilter(TAGGING, "/*", EnumSet.of(DispatcherType.REQUEST));
    }

    /**
     * From now on, tags every object stored in {@code bucket} with GuardDuty's {@code result}
     * (e.g. {@code NO_THREATS_FOUND}) right after its upload, as GuardDuty Malware Protection does;
     * empty: objects stay untagged (not scanned yet) until tagged with {@link #tagAsGuardDuty}.
     */
    public static void scanOnUpload(String bucket, Optional<String> result) {
        endpoint();
        TAGGING.scanOnUpload(bucket, result);
    }

    /** Puts GuardDuty's scan result on an object with PutObjectTagging, as GuardDuty does after a scan. */
    public static void tagAsGuardDuty(String bucket, String key, String result) {
        try (S3Client s3 = client()) {
            s3.putObjectTagging(b -> b.bucket(bucket).key(key)
                    .tagging(t -> t.tagSet(Tag.builder().key(S3ObjectTagging.GUARD_DUTY_TAG).value(result).build())));
        }
    }

    /** Removes every tag of an object (DeleteObjectTagging). */
    public static void removeTags(String bucket, String key) {
        try (S3Client s3 = client()) {
            s3.deleteObjectTagging(b -> b.bucket(bucket).key(key));
        }
    }

    private static S3Client client() {
        return S3Client.builder().endpointOverride(endpoint()).forcePathStyle(true).region(Region.SA_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    /** Creates the bucket unless it exists; returns its name. */
    public static String bucket(String name) {
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException exists) {
            // created by an earlier test
        }
        return name;
    }
}
