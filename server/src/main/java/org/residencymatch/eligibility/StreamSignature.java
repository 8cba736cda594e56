package org.residencymatch.eligibility;

import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;

/**
 * Everything about a stream that a rule's stream selector can look at, packed into one small int.
 * Streams with the same signature always get the same decision for the same applicant, which is
 * what makes a catalogue cheap to evaluate.
 */
final class StreamSignature {

    private static final int PROVINCES = Province.values().length;

    /** The number of distinct signatures. */
    static final int COUNT = StreamType.values().length * PROVINCES * 4;

    private StreamSignature() {
    }

    static int of(StreamType type, Province province, boolean returnOfService, boolean includesMilitary) {
        return ((type.ordinal() * PROVINCES + province.ordinal()) * 2 + (returnOfService ? 1 : 0)) * 2
                + (includesMilitary ? 1 : 0);
    }

    static int of(StreamFacts stream) {
        return of(stream.type(), stream.province(), stream.returnOfService(), stream.includesMilitary());
    }

    static StreamType type(int signature) {
        return StreamType.values()[signature / 4 / PROVINCES];
    }

    static Province province(int signature) {
        return Province.values()[signature / 4 % PROVINCES];
    }

    static boolean returnOfService(int signature) {
        return (signature & 2) != 0;
    }

    static boolean includesMilitary(int signature) {
        return (signature & 1) != 0;
    }
}
