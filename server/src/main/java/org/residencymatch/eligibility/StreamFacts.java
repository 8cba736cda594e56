package org.residencymatch.eligibility;

import java.util.Objects;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;

/**
 * What the eligibility rules know about a program stream.
 *
 * @param streamId the stream's id
 * @param province the province of the stream's faculty
 * @param type who the stream is open to
 * @param returnOfService a return-of-service obligation is attached
 * @param includesMilitary the stream also takes MOTP/MMTP members ("... including MOTP/MMTP ...")
 */
public record StreamFacts(
        String streamId, Province province, StreamType type, boolean returnOfService, boolean includesMilitary) {

    public StreamFacts {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(type, "type");
    }
}
