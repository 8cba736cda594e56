package org.residencymatch.eligibility;

import java.util.Set;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;

/**
 * Which streams a rule applies to. An empty set or a null flag means "any".
 *
 * @param types stream types the rule applies to
 * @param provinces provinces the rule applies to
 * @param exceptProvinces provinces excluded (e.g. a province that waives an exam)
 * @param returnOfService only streams with (true) or without (false) return of service
 * @param includesMilitary only streams that do (true) or do not (false) include MOTP/MMTP
 */
record StreamSelector(
        Set<StreamType> types,
        Set<Province> provinces,
        Set<Province> exceptProvinces,
        Boolean returnOfService,
        Boolean includesMilitary) {

    StreamSelector {
        types = Set.copyOf(types);
        provinces = Set.copyOf(provinces);
        exceptProvinces = Set.copyOf(exceptProvinces);
    }

    boolean matches(int signature) {
        return (types.isEmpty() || types.contains(StreamSignature.type(signature)))
                && (provinces.isEmpty() || provinces.contains(StreamSignature.province(signature)))
                && !exceptProvinces.contains(StreamSignature.province(signature))
                && (returnOfService == null || returnOfService == StreamSignature.returnOfService(signature))
                && (includesMilitary == null || includesMilitary == StreamSignature.includesMilitary(signature));
    }
}
