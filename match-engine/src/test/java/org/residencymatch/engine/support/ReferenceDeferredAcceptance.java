package org.residencymatch.engine.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Textbook deferred acceptance on plain maps and lists, kept deliberately naive so that it is
 * obviously right: the yardstick the engine is compared with on instances without couples.
 */
public final class ReferenceDeferredAcceptance {

    private ReferenceDeferredAcceptance() {
    }

    /** Applicant-proposing: each free applicant applies to the next program on their list. */
    public static Map<String, String> applicantProposing(SimpleInstance instance) {
        Map<String, Integer> nextChoice = new HashMap<>();
        Map<String, List<String>> held = new HashMap<>();
        instance.programs().keySet().forEach(p -> held.put(p, new ArrayList<>()));
        Deque<String> free = new ArrayDeque<>(instance.applicants().keySet());
        while (!free.isEmpty()) {
            String applicant = free.poll();
            List<String> rol = instance.applicants().get(applicant);
            int next = nextChoice.getOrDefault(applicant, 0);
            if (next >= rol.size()) {
                continue;
            }
            nextChoice.put(applicant, next + 1);
            String program = rol.get(next);
            List<String> programRol = instance.programs().get(program).rol();
            if (!programRol.contains(applicant)) {
                free.push(applicant);
                continue;
            }
            List<String> holding = held.get(program);
            holding.add(applicant);
            holding.sort((x, y) -> Integer.compare(programRol.indexOf(x), programRol.indexOf(y)));
            if (holding.size() > instance.programs().get(program).quota()) {
                free.push(holding.remove(holding.size() - 1));
            }
        }
        return byApplicant(instance, held);
    }

    /** Program-proposing: each program offers its free positions to the next applicants on its list. */
    public static Map<String, String> programProposing(SimpleInstance instance) {
        Map<String, Integer> nextOffer = new HashMap<>();
        Map<String, String> heldBy = new HashMap<>(); // applicant -> program holding their acceptance
        Map<String, Integer> accepted = new HashMap<>();
        instance.programs().keySet().forEach(p -> accepted.put(p, 0));
        boolean offered = true;
        while (offered) {
            offered = false;
            for (Map.Entry<String, SimpleInstance.Program> entry : instance.programs().entrySet()) {
                String program = entry.getKey();
                SimpleInstance.Program details = entry.getValue();
                while (accepted.get(program) < details.quota() && nextOffer.getOrDefault(program, 0) < details.rol().size()) {
                    int index = nextOffer.getOrDefault(program, 0);
                    nextOffer.put(program, index + 1);
                    offered = true;
                    String applicant = details.rol().get(index);
                    List<String> applicantRol = instance.applicants().get(applicant);
                    if (applicantRol == null || !applicantRol.contains(program)) {
                        continue;
                    }
                    String current = heldBy.get(applicant);
                    if (current == null || applicantRol.indexOf(program) < applicantRol.indexOf(current)) {
                        if (current != null) {
                            accepted.merge(current, -1, Integer::sum);
                        }
                        heldBy.put(applicant, program);
                        accepted.merge(program, 1, Integer::sum);
                    }
                }
            }
        }
        Map<String, String> result = new LinkedHashMap<>();
        instance.applicants().keySet().forEach(a -> result.put(a, heldBy.get(a)));
        return result;
    }

    private static Map<String, String> byApplicant(SimpleInstance instance, Map<String, List<String>> held) {
        Map<String, String> result = new LinkedHashMap<>();
        instance.applicants().keySet().forEach(a -> result.put(a, null));
        held.forEach((program, applicants) -> applicants.forEach(a -> result.put(a, program)));
        return result;
    }
}
