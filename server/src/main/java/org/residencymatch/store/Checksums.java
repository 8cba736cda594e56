package org.residencymatch.store;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The checksum kept beside stored content (an uploaded list, a document) and of stored secrets. */
public final class Checksums {

    private Checksums() {
    }

    /** SHA-256 of the bytes, as lower-case hex. */
    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
