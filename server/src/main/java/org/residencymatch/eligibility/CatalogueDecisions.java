package org.residencymatch.eligibility;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** One applicant's decisions for every stream of a {@link StreamCatalogue}, in catalogue order. */
public final class CatalogueDecisions {

    private final StreamCatalogue catalogue;
    /** Decisions indexed by stream signature: streams with equal signatures share a decision. */
    private final EligibilityDecision[] bySignature;

    CatalogueDecisions(StreamCatalogue catalogue, EligibilityDecision[] bySignature) {
        this.catalogue = catalogue;
        this.bySignature = bySignature;
    }

    public int size() {
        return catalogue.size();
    }

    public StreamFacts stream(int index) {
        return catalogue.stream(index);
    }

    public EligibilityDecision decision(int index) {
        return bySignature[catalogue.signatureOf(index)];
    }

    /** The decision for a stream of the catalogue; throws if the stream is not in it. */
    public EligibilityDecision decisionFor(String streamId) {
        int index = catalogue.indexOf(streamId);
        if (index < 0) {
            throw new NoSuchElementException("stream " + streamId + " is not in the catalogue");
        }
        return decision(index);
    }

    /** The streams the applicant may select, in catalogue order. */
    public List<StreamFacts> selectableStreams() {
        List<StreamFacts> selectable = new ArrayList<>();
        for (int index = 0; index < size(); index++) {
            if (decision(index).isSelectable()) {
                selectable.add(stream(index));
            }
        }
        return selectable;
    }
}
