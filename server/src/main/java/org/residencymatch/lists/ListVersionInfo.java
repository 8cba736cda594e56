package org.residencymatch.lists;

import java.time.LocalDateTime;

/** One committed version of a list, for its history. */
public record ListVersionInfo(int version, LocalDateTime committedAt, String committedBy, String source, String contentHash,
        Long uploadId, Integer revertedTo, int members) {
}
