package org.residencymatch.eligibility;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The program streams of an iteration, prepared once for evaluation: build it when the catalogue
 * is published or loaded, and reuse it for every applicant.
 */
public final class StreamCatalogue {

    private final List<StreamFacts> streams;
    private final int[] signatureOfStream;
    private final int[] distinctSignatures;
    private final Map<String, Integer> indexById;

    private StreamCatalogue(List<StreamFacts> streams) {
        this.streams = List.copyOf(streams);
        this.signatureOfStream = new int[this.streams.size()];
        this.indexById = new HashMap<>();
        for (int index = 0; index < signatureOfStream.length; index++) {
            StreamFacts stream = this.streams.get(index);
            signatureOfStream[index] = StreamSignature.of(stream);
            if (indexById.put(stream.streamId(), index) != null) {
                throw new IllegalArgumentException("stream " + stream.streamId() + " appears twice in the catalogue");
            }
        }
        this.distinctSignatures = Arrays.stream(signatureOfStream).distinct().sorted().toArray();
    }

    /** A catalogue of these streams, in this order; stream ids must be unique. */
    public static StreamCatalogue of(List<StreamFacts> streams) {
        return new StreamCatalogue(streams);
    }

    public int size() {
        return streams.size();
    }

    public StreamFacts stream(int index) {
        return streams.get(index);
    }

    public List<StreamFacts> streams() {
        return streams;
    }

    /** The position of a stream, or -1 if it is not in the catalogue. */
    public int indexOf(String streamId) {
        Integer index = indexById.get(streamId);
        return index == null ? -1 : index;
    }

    int signatureOf(int index) {
        return signatureOfStream[index];
    }

    int[] distinctSignatures() {
        return distinctSignatures;
    }
}
