package br.com.healthmed.records.blob;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The embedded store's file format: AES-256-GCM in independent 64 KiB chunks, so neither writing nor
 * reading ever holds more than one chunk in memory (one GCM message over a whole file would have to
 * be buffered entirely before its tag could be checked). As in Tink's streaming AEAD, each chunk's
 * nonce is a random per-file prefix, the chunk's index and a last-chunk flag: chunks cannot be
 * reordered, dropped or truncated unnoticed. The plain header (content type, size) and the object
 * key are authenticated with every chunk, so a header edited or a file moved to another key fails
 * to decrypt.
 *
 * <pre>"HMB1" | u16 type length | type (UTF-8) | u64 size | 7-byte nonce prefix | chunks (each ciphertext + 16-byte tag)</pre>
 */
final class SealedBlobs {

    static final int CHUNK = 64 * 1024;
    private static final byte[] MAGIC = "HMB1".getBytes(StandardCharsets.US_ASCII);
    private static final int PREFIX = 7;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The plain header of a sealed file. */
    record Header(String contentType, long sizeBytes, byte[] noncePrefix, byte[] encoded) {}

    private SealedBlobs() {}

    /**
     * Encrypts exactly {@code sizeBytes} bytes from {@code in} to {@code out}.
     *
     * @throws LengthMismatchException if {@code in} holds fewer or more bytes
     */
    static void seal(SecretKey key, String objectKey, String contentType, long sizeBytes, InputStream in, OutputStream out)
            throws IOException {
        byte[] prefix = new byte[PREFIX];
        RANDOM.nextBytes(prefix);
        Header header = header(contentType, sizeBytes, prefix);
        out.write(header.encoded());
        byte[] aad = aad(header, objectKey);
        long chunks = chunkCount(sizeBytes);
        for (long index = 0; index < chunks; index++) {
            int length = (int) Math.min(CHUNK, sizeBytes - index * CHUNK);
            byte[] plain = in.readNBytes(length);
            if (plain.length != length) {
                throw new LengthMismatchException();
            }
            out.write(crypt(Cipher.ENCRYPT_MODE, key, prefix, index, index == chunks - 1, aad, plain));
        }
        if (in.read() != -1) {
            throw new LengthMismatchException();
        }
    }

    static Header readHeader(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] magic = data.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException("Not a sealed blob");
        }
        byte[] type = data.readNBytes(data.readUnsignedShort());
        long size = data.readLong();
        byte[] prefix = data.readNBytes(PREFIX);
        if (prefix.length != PREFIX) {
            throw new EOFException();
        }
        return header(new String(type, StandardCharsets.UTF_8), size, prefix);
    }

    /** The plaintext of a sealed file, read after its header, chunk by chunk as the caller reads. */
    static InputStream open(SecretKey key, String objectKey, Header header, InputStream in) {
        byte[] aad = aad(header, objectKey);
        long chunks = chunkCount(header.sizeBytes());
        return new InputStream() {
            private long index;
            private ByteBuffer plain = ByteBuffer.allocate(0);

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                if (!plain.hasRemaining()) {
                    if (index == chunks) {
                        return -1;
                    }
                    int plainLength = (int) Math.min(CHUNK, header.sizeBytes() - index * CHUNK);
                    byte[] sealed = in.readNBytes(plainLength + TAG_BITS / 8);
                    if (sealed.length != plainLength + TAG_BITS / 8) {
                        throw new IOException("Sealed blob truncated");
                    }
                    plain = ByteBuffer.wrap(crypt(Cipher.DECRYPT_MODE, key, header.noncePrefix(), index, index == chunks - 1, aad, sealed));
                    index++;
                }
                int n = Math.min(length, plain.remaining());
                plain.get(target, offset, n);
                return n;
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private static Header header(String contentType, long sizeBytes, byte[] prefix) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream data = new DataOutputStream(bytes);
            byte[] type = contentType.getBytes(StandardCharsets.UTF_8);
            data.write(MAGIC);
            data.writeShort(type.length);
            data.write(type);
            data.writeLong(sizeBytes);
            data.write(prefix);
            return new Header(contentType, sizeBytes, prefix.clone(), bytes.toByteArray());
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static byte[] aad(Header header, String objectKey) {
        byte[] key = objectKey.getBytes(StandardCharsets.US_ASCII);
        byte[] aad = Arrays.copyOf(header.encoded(), header.encoded().length + key.length);
        System.arraycopy(key, 0, aad, header.encoded().length, key.length);
        return aad;
    }

    private static long chunkCount(long sizeBytes) {
        return Math.max(1, (sizeBytes + CHUNK - 1) / CHUNK);
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] prefix, long index, boolean last, byte[] aad, byte[] input)
            throws IOException {
        byte[] nonce = ByteBuffer.allocate(12).put(prefix).putInt((int) index).put((byte) (last ? 1 : 0)).array();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException tampered) {
            throw new IOException("Sealed blob failed authentication", tampered);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body was not exactly as long as declared (and signed). */
    static final class LengthMismatchException extends IOException {
        LengthMismatchException() {
            super("Body length differs from the signed length", null);
        }
    }
}
