package org.residencymatch.eligibility;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.residencymatch.program.Province;
import org.residencymatch.program.StreamType;

/**
 * Parses and strictly validates one rules file (one cycle, one iteration) and compiles it into
 * {@link EligibilityRules}. It reads only the stream or string it is given.
 *
 * <p>The file format, by example:
 *
 * <pre>{@code
 * {
 *   "schemaVersion": 1, "cycle": "2025-R1", "iteration": 1, "version": 1,
 *   "trainingStartDate": "2025-07-01",
 *   "contacts": { "aimg": { "name": {"en": "...", "fr": "..."}, "link": {"en": "...", "fr": "..."} } },
 *   "lists": { "AIMG": { "name": {"en": "the AIMG list", "fr": "la liste AIMG"}, "contact": "aimg" } },
 *   "listNotReceived": { "code": "LIST_NOT_YET_RECEIVED", "message": {"en": "... {list} ...", "fr": "..."},
 *                        "nextStep": {"en": "...", "fr": "...", "contact": "listSender"} },
 *   "rules": [ {
 *     "id": "AB_IMG_AIMG_LIST", "note": "free text: source, uncertainty",
 *     "appliesTo": { "streamTypes": ["IMG"], "provinces": ["AB"], "categories": ["IMG"] },
 *     "when": [ { "cmqApprovalIn": ["REGULIER"] } ],
 *     "require": { "onList": "AIMG" },
 *     "onFailure": "NOT_ELIGIBLE", "code": "AIMG_LIST_REQUIRED",
 *     "message": {"en": "...", "fr": "..."}, "nextStep": {"en": "...", "fr": "...", "contact": "aimg"}
 *   } ]
 * }
 * }</pre>
 *
 * <p>{@code appliesTo} may hold {@code streamTypes}, {@code provinces}, {@code exceptProvinces},
 * {@code categories} (non-empty arrays; absent means any) and {@code returnOfService}, {@code
 * includesMilitary} (booleans). {@code when} guards and {@code require} use the closed condition
 * vocabulary of {@link Condition}, defined there once (the parser, the JSON schema's test and the
 * generated rules tables all read it); each condition is an object with exactly one field, e.g.
 * {@code {"onList": "AIMG"}} or {@code {"minimumHighSchoolYears": {"province": "ON", "years": 2}}}.
 *
 * <p>Messages may use no placeholders, except {@code {list}} (the list's name) in {@code
 * listNotReceived}, and {@code {stream}} and {@code {iteration}} (the stream and iteration matched in)
 * in {@code matchFacts.matchedInEarlierIteration}.
 */
public final class RulesFileParser {

    /**
     * The closed vocabulary of conditions, in the order error messages list them. Each entry says how
     * it is written in a rules file and what it means; {@code docs/eligibility/} and the test of
     * {@code rules.schema.json} are generated from or checked against this list.
     */
    public enum Condition {
        CATEGORY("category", "[" + oneOf(ApplicantCategory.class) + ", ...]", "the applicant's category is one of these"), CITIZENSHIP_IN(
                "citizenshipIn", "[" + oneOf(Citizenship.class) + ", ...]",
                "the applicant's citizenship status is one of these"), CMQ_APPROVAL_IN("cmqApprovalIn",
                        "[" + oneOf(CmqApproval.class) + ", ...]",
                        "the applicant's CMQ approval (Québec contingent) is one of these"), ON_LIST("onList", oneOf(ListKind.class),
                                "the applicant is on this partner list; only in `require`: while the list has not been received"
                                        + " the decision is PENDING"), NO_PRIOR_RESIDENCY("noPriorResidency", "true",
                                                "no previous accredited residency in Canada or the USA (a fellowship does not count)"), NO_CANADA_US_TRAINING_INCLUDING_FELLOWSHIP(
                                                        "noCanadaUsTrainingIncludingFellowship", "true",
                                                        "no postgraduate training in Canada or the USA, a fellowship counting as training (Québec's reading)"), MILITARY_MEMBER(
                                                                "militaryMember", "true",
                                                                "the applicant is a member of a military medical training plan"), PROVINCIAL_TIE(
                                                                        "provincialTie", oneOf(Province.class),
                                                                        "the applicant has a residency or return-of-service tie to the province"), EXAM_PASSED(
                                                                                "examPassed", oneOf(Exam.class),
                                                                                "the applicant passed this exam"), MINIMUM_HIGH_SCHOOL_YEARS(
                                                                                        "minimumHighSchoolYears",
                                                                                        "{\"province\": province, \"years\": n}",
                                                                                        "at least n years of high school in the province"), GRADUATED_BY(
                                                                                                "graduatedBy",
                                                                                                "\"trainingStartDate\" | ISO date",
                                                                                                "the MD (expected date for a student) is on or before that date; an unknown date fails"), RECENT_WITHIN_YEARS(
                                                                                                        "recentWithinYears", "n",
                                                                                                        "the MD, or the latest residency or practice, is within n years before the training start date");

        /** The field that names the condition in a rules file. */
        public final String field;
        /** How its value is written. */
        public final String written;
        /** What it requires of the applicant, in a sentence. */
        public final String meaning;

        Condition(String field, String written, String meaning) {
            this.field = field;
            this.written = written;
            this.meaning = meaning;
        }

        /** The condition a rules file names with {@code field}, if any. */
        public static Optional<Condition> named(String field) {
            return Arrays.stream(values()).filter(condition -> condition.field.equals(field)).findFirst();
        }

        /** The names a value may take, quoted, e.g. {@code "AIMG" | "BCIMG" | "QIMG"}. */
        private static String oneOf(Class<? extends Enum<?>> type) {
            return String.join(" | ", Arrays.stream(type.getEnumConstants()).map(value -> "\"" + value.name() + "\"").toList());
        }

        /** Every field name, in order, separated by commas. */
        static String fieldNames() {
            return String.join(", ", Arrays.stream(values()).map(condition -> condition.field).toList());
        }
    }

    /** What one condition of a rules file compiles to: a test on the applicant, or a partner list to be on. */
    private sealed interface Compiled permits OnApplicant, OnList {
    }

    private record OnApplicant(ApplicantCondition test) implements Compiled {
    }

    private record OnList(ListKind list) implements Compiled {
    }

    static final int SCHEMA_VERSION = 1;
    /** The special contact of {@code listNotReceived}: whoever sends the list in question. */
    static final String LIST_SENDER = "listSender";

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[A-Za-z]+}");
    private static final Set<Decision> FAILURE_OUTCOMES = EnumSet.of(Decision.NOT_ELIGIBLE, Decision.APPLY_ELSEWHERE, Decision.PENDING);

    private String source = "rules file";
    private RulesFileId fileId;
    private LocalDate trainingStartDate;
    private final Map<String, Contact> contacts = new HashMap<>();
    private final Map<ListKind, LocalizedText> listNames = new EnumMap<>(ListKind.class);
    private final Map<ListKind, Contact> listContacts = new EnumMap<>(ListKind.class);
    /** The {@code listNotReceived} template, before its {@code {list}} placeholder is filled. */
    private String pendingCode;
    private LocalizedText pendingMessage;
    private LocalizedText pendingAction;
    private String pendingContactId;

    private RulesFileParser() {
    }

    /** Parses a rules file from a stream (UTF-8 JSON); the caller closes the stream. */
    public static EligibilityRules parse(InputStream json) {
        try {
            return new RulesFileParser().compile(mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new RulesFileException("rules file is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new RulesFileException("rules file could not be read: " + e.getMessage(), e);
        }
    }

    /** Parses a rules file from a string. */
    public static EligibilityRules parse(String json) {
        try {
            return new RulesFileParser().compile(mapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new RulesFileException("rules file is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectMapper mapper() {
        // Duplicate keys would let a later value silently win: reject them.
        return JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    }

    private EligibilityRules compile(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw error(null, "", "the rules file must be a JSON object");
        }
        allowOnly(root, null, "", "schemaVersion", "cycle", "iteration", "version", "trainingStartDate",
                "description", "contacts", "lists", "listNotReceived", "matchFacts", "verification", "rules");
        int schemaVersion = integer(root, "schemaVersion", null, "");
        if (schemaVersion != SCHEMA_VERSION) {
            throw error(null, "schemaVersion", "unsupported schema version " + schemaVersion
                    + "; this code reads version " + SCHEMA_VERSION);
        }
        String cycle = text(root, "cycle", null, "");
        int iteration = integer(root, "iteration", null, "");
        if (iteration != 1 && iteration != 2) {
            throw error(null, "iteration", "must be 1 or 2, not " + iteration);
        }
        int version = integer(root, "version", null, "");
        if (version < 1) {
            throw error(null, "version", "must be at least 1");
        }
        fileId = new RulesFileId(cycle, iteration, version);
        source = "rules file " + fileId;
        trainingStartDate = date(root.get("trainingStartDate"), null, "trainingStartDate");
        if (root.has("description")) {
            text(root, "description", null, "");
        }
        readContacts(required(root, "contacts", null, ""));
        readLists(required(root, "lists", null, ""));
        readListNotReceived(required(root, "listNotReceived", null, ""));
        MatchFactReasons matchFacts = readMatchFacts(required(root, "matchFacts", null, ""), iteration);
        Map<ProfileFact, FactPolicy> verification = readVerification(required(root, "verification", null, ""));

        JsonNode rulesNode = required(root, "rules", null, "");
        if (!rulesNode.isArray()) {
            throw error(null, "rules", "must be an array");
        }
        List<CompiledRule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < rulesNode.size(); index++) {
            CompiledRule rule = rule(rulesNode.get(index), "rules[" + index + "]");
            if (!ids.add(rule.id)) {
                throw error(rule.id, "id", "duplicate rule id");
            }
            rules.add(rule);
        }
        return new EligibilityRules(fileId, trainingStartDate, rules, matchFacts, verification);
    }

    /**
     * The {@code verification} section: for every fact of {@link ProfileFact}, by its field name, either
     * {@code {"policy": "SELF_DECLARED"}} or {@code {"policy": "BLOCKING" | "PROVISIONAL", "verifiedBy":
     * [...], "document": kind (optional), "code", "message", "refusedMessage", "nextStep"}}. A cycle must
     * say something about every fact.
     */
    private Map<ProfileFact, FactPolicy> readVerification(JsonNode node) {
        String path = "verification";
        if (!node.isObject()) {
            throw error(null, path, "must be an object of fact to verification policy");
        }
        Map<ProfileFact, FactPolicy> policies = new EnumMap<>(ProfileFact.class);
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            String factPath = path + "." + name;
            ProfileFact fact = ProfileFact.named(name).orElseThrow(() -> error(null, factPath, "unknown fact; the facts are "
                    + Arrays.stream(ProfileFact.values()).map(f -> f.field).toList()));
            policies.put(fact, factPolicy(fact, node.get(name), factPath));
        }
        for (ProfileFact fact : ProfileFact.values()) {
            if (!policies.containsKey(fact)) {
                throw error(null, path + "." + fact.field, "missing: the cycle must say whether this fact is self-declared or verified");
            }
        }
        return policies;
    }

    private FactPolicy factPolicy(ProfileFact fact, JsonNode node, String path) {
        if (!node.isObject()) {
            throw error(null, path, "must be an object {\"policy\", ...}");
        }
        VerificationPolicy policy = enumValue(VerificationPolicy.class, text(node, "policy", null, path), null, path + ".policy");
        if (policy == VerificationPolicy.SELF_DECLARED) {
            allowOnly(node, null, path, "policy");
            return FactPolicy.selfDeclared(fact);
        }
        allowOnly(node, null, path, "policy", "verifiedBy", "document", "code", "message", "refusedMessage", "nextStep");
        Set<Verifier> verifiers = enumSet(node, "verifiedBy", Verifier.class, null, path);
        if (verifiers.isEmpty()) {
            throw error(null, path + ".verifiedBy", "a verified fact names who verifies it");
        }
        DocumentKind document = node.has("document")
                ? enumValue(DocumentKind.class, text(node, "document", null, path), null, path + ".document")
                : null;
        String code = code(node, null, path);
        if (!code.equals(fact.notVerifiedCode())) {
            throw error(null, path + ".code", "the code of this fact is " + fact.notVerifiedCode());
        }
        LocalizedText message = substitute(localized(node, "message", null, path), Map.of(), null, path + ".message");
        LocalizedText refused = substitute(localized(node, "refusedMessage", null, path), Map.of(), null, path + ".refusedMessage");
        JsonNode step = nextStepNode(node, null, path);
        String stepPath = path + ".nextStep";
        LocalizedText action = substitute(new LocalizedText(text(step, "en", null, stepPath), text(step, "fr", null, stepPath)),
                Map.of(), null, stepPath);
        NextStep nextStep = new NextStep(action, contact(text(step, "contact", null, stepPath), null, stepPath + ".contact"));
        Provenance provenance = Provenance.ofRule(path, fileId);
        Decision whileUnverified = policy == VerificationPolicy.BLOCKING ? Decision.PENDING : Decision.SELECTABLE;
        return new FactPolicy(fact, policy, List.copyOf(verifiers), document,
                new Reason(code, whileUnverified, message, nextStep, provenance),
                new Reason(code, Decision.NOT_ELIGIBLE, refused, nextStep, provenance));
    }

    private void readContacts(JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            throw error(null, "contacts", "must be a non-empty object of contact id to contact");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String id = names.next();
            String path = "contacts." + id;
            JsonNode contact = node.get(id);
            if (!contact.isObject()) {
                throw error(null, path, "must be an object");
            }
            allowOnly(contact, null, path, "name", "link");
            contacts.put(id, new Contact(id, localized(contact, "name", null, path), localized(contact, "link", null, path)));
        }
    }

    private void readLists(JsonNode node) {
        if (!node.isObject()) {
            throw error(null, "lists", "must be an object of list kind to list description");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            String path = "lists." + name;
            ListKind kind = enumValue(ListKind.class, name, null, path);
            JsonNode list = node.get(name);
            if (!list.isObject()) {
                throw error(null, path, "must be an object");
            }
            allowOnly(list, null, path, "name", "contact");
            listNames.put(kind, localized(list, "name", null, path));
            listContacts.put(kind, contact(text(list, "contact", null, path), null, path + ".contact"));
        }
    }

    private void readListNotReceived(JsonNode node) {
        String path = "listNotReceived";
        if (!node.isObject()) {
            throw error(null, path, "must be an object {\"code\", \"message\", \"nextStep\"}");
        }
        allowOnly(node, null, path, "code", "message", "nextStep");
        pendingCode = code(node, null, path);
        pendingMessage = localized(node, "message", null, path);
        JsonNode step = nextStepNode(node, null, path);
        String stepPath = path + ".nextStep";
        pendingAction = new LocalizedText(text(step, "en", null, stepPath), text(step, "fr", null, stepPath));
        pendingContactId = text(step, "contact", null, stepPath);
        if (!LIST_SENDER.equals(pendingContactId)) {
            contact(pendingContactId, null, stepPath + ".contact");
        }
        // Fail now on an unknown placeholder, even if no rule uses a list.
        Map<String, LocalizedText> anyList = Map.of("{list}", new LocalizedText("list", "liste"));
        substitute(pendingMessage, anyList, null, path + ".message");
        substitute(pendingAction, anyList, null, stepPath);
    }

    /**
     * The {@code matchFacts} section: the reasons the match's own facts give (see {@link
     * MatchFactReasons}). The first iteration has no earlier one, so it explains only a stream without
     * positions; a later iteration also explains a match, or a rank order list, in an earlier one.
     */
    private MatchFactReasons readMatchFacts(JsonNode node, int iteration) {
        String path = "matchFacts";
        if (!node.isObject()) {
            throw error(null, path, "must be an object of reasons");
        }
        if (iteration == 1) {
            allowOnly(node, null, path, "noPositionsLeft");
            return new MatchFactReasons(matchFact(node, "noPositionsLeft", Decision.NOT_ELIGIBLE, Map.of()), null, null);
        }
        allowOnly(node, null, path, "noPositionsLeft", "matchedInEarlierIteration", "inEarlierIteration");
        Map<String, LocalizedText> match = Map.of(
                MatchFactReasons.STREAM, new LocalizedText("stream", "volet"),
                MatchFactReasons.ITERATION, new LocalizedText("1", "1"));
        return new MatchFactReasons(matchFact(node, "noPositionsLeft", Decision.NOT_ELIGIBLE, Map.of()),
                matchFact(node, "matchedInEarlierIteration", Decision.NOT_ELIGIBLE, match),
                matchFact(node, "inEarlierIteration", Decision.PENDING, Map.of()));
    }

    private Reason matchFact(JsonNode section, String name, Decision outcome, Map<String, LocalizedText> placeholders) {
        String path = "matchFacts." + name;
        JsonNode node = required(section, name, null, "matchFacts");
        if (!node.isObject()) {
            throw error(null, path, "must be an object {\"code\", \"message\", \"nextStep\"}");
        }
        allowOnly(node, null, path, "code", "message", "nextStep");
        String code = code(node, null, path);
        LocalizedText message = localized(node, "message", null, path);
        JsonNode step = nextStepNode(node, null, path);
        String stepPath = path + ".nextStep";
        LocalizedText action = new LocalizedText(text(step, "en", null, stepPath), text(step, "fr", null, stepPath));
        Contact contact = contact(text(step, "contact", null, stepPath), null, stepPath + ".contact");
        // Fail now on an unknown placeholder; the known ones are filled in when the reason is given.
        substitute(message, placeholders, null, path + ".message");
        substitute(action, placeholders, null, stepPath);
        return new Reason(code, outcome, message, new NextStep(action, contact), Provenance.ofRule(path, fileId));
    }

    private CompiledRule rule(JsonNode node, String position) {
        if (node == null || !node.isObject()) {
            throw error(null, position, "a rule must be an object");
        }
        String id = node.hasNonNull("id") && node.get("id").isTextual() ? node.get("id").asText() : null;
        if (id == null || !RULE_ID.matcher(id).matches()) {
            throw error(null, position + ".id", "every rule needs an id of letters, digits, '_', '.' or '-'");
        }
        allowOnly(node, id, "", "id", "note", "appliesTo", "when", "require", "onFailure", "code", "message",
                "nextStep");
        if (node.has("note")) {
            text(node, "note", id, "");
        }
        JsonNode appliesTo = required(node, "appliesTo", id, "");
        allowOnly(appliesTo, id, "appliesTo", "streamTypes", "provinces", "exceptProvinces", "categories",
                "returnOfService", "includesMilitary");
        StreamSelector streams = new StreamSelector(
                enumSet(appliesTo, "streamTypes", StreamType.class, id, "appliesTo"),
                enumSet(appliesTo, "provinces", Province.class, id, "appliesTo"),
                enumSet(appliesTo, "exceptProvinces", Province.class, id, "appliesTo"),
                optionalBoolean(appliesTo, "returnOfService", id, "appliesTo"),
                optionalBoolean(appliesTo, "includesMilitary", id, "appliesTo"));
        Set<ApplicantCategory> categories = enumSet(appliesTo, "categories", ApplicantCategory.class, id, "appliesTo");

        List<ApplicantCondition> guards = new ArrayList<>();
        if (node.has("when")) {
            JsonNode when = node.get("when");
            if (!when.isArray() || when.isEmpty()) {
                throw error(id, "when", "must be a non-empty array of conditions");
            }
            for (int index = 0; index < when.size(); index++) {
                String path = "when[" + index + "]";
                Compiled condition = condition(when.get(index), id, path);
                if (!(condition instanceof OnApplicant guard)) {
                    throw error(id, path, "onList may only be used in 'require': a guard cannot be pending");
                }
                guards.add(guard.test());
            }
        }

        Decision onFailure = enumValue(Decision.class, text(node, "onFailure", id, ""), id, "onFailure");
        if (!FAILURE_OUTCOMES.contains(onFailure)) {
            throw error(id, "onFailure", "must be one of " + FAILURE_OUTCOMES);
        }
        String code = code(node, id, "");
        LocalizedText message = substitute(localized(node, "message", id, ""), Map.of(), id, "message");
        NextStep nextStep = nextStep(node, id);

        Compiled requirement = condition(required(node, "require", id, ""), id, "require");
        if (requirement instanceof OnList onList) {
            ListKind list = onList.list();
            Reason failure = new Reason(code, onFailure, message, nextStep, new Provenance(id, fileId, list, null));
            return CompiledRule.requiringList(id, streams, categories, guards, list, failure, listNotReceived(id, list));
        }
        Reason failure = new Reason(code, onFailure, message, nextStep, Provenance.ofRule(id, fileId));
        return CompiledRule.requiring(id, streams, categories, guards, ((OnApplicant) requirement).test(), failure);
    }

    /** The PENDING reason of a list rule, from the file's {@code listNotReceived} template. */
    private Reason listNotReceived(String ruleId, ListKind list) {
        LocalizedText name = listNames.get(list);
        if (name == null) {
            throw error(ruleId, "require.onList", "list " + list + " is not described under 'lists'");
        }
        Map<String, LocalizedText> placeholders = Map.of("{list}", name);
        Contact contact = LIST_SENDER.equals(pendingContactId)
                ? listContacts.get(list)
                : contact(pendingContactId, null, "listNotReceived.nextStep.contact");
        return new Reason(
                pendingCode,
                Decision.PENDING,
                substitute(pendingMessage, placeholders, null, "listNotReceived.message"),
                new NextStep(substitute(pendingAction, placeholders, null, "listNotReceived.nextStep"), contact),
                new Provenance(ruleId, fileId, list, null));
    }

    /** One condition of the vocabulary ({@link Condition}), compiled. */
    private Compiled condition(JsonNode node, String ruleId, String path) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw error(ruleId, path, "a condition is an object with exactly one field, e.g. {\"onList\": \"AIMG\"}");
        }
        String name = node.fieldNames().next();
        JsonNode value = node.get(name);
        String field = path + "." + name;
        Condition condition = Condition.named(name).orElseThrow(() -> error(ruleId, field,
                "unknown condition '" + name + "'; known conditions: " + Condition.fieldNames()));
        if (condition == Condition.ON_LIST) {
            return new OnList(enumValue(ListKind.class, textValue(value, ruleId, field), ruleId, field));
        }
        return new OnApplicant(switch (condition) {
            case CATEGORY -> ApplicantCondition.categoryIn(
                    enumSet(node, name, ApplicantCategory.class, ruleId, path));
            case CITIZENSHIP_IN -> ApplicantCondition.citizenshipIn(
                    enumSet(node, name, Citizenship.class, ruleId, path));
            case CMQ_APPROVAL_IN -> ApplicantCondition.cmqApprovalIn(
                    enumSet(node, name, CmqApproval.class, ruleId, path));
            case NO_PRIOR_RESIDENCY -> flag(value, ruleId, field, ApplicantCondition.noPriorResidency());
            case NO_CANADA_US_TRAINING_INCLUDING_FELLOWSHIP -> flag(
                    value, ruleId, field, ApplicantCondition.noCanadaUsTrainingIncludingFellowship());
            case MILITARY_MEMBER -> flag(value, ruleId, field, ApplicantCondition.militaryMember());
            case PROVINCIAL_TIE -> ApplicantCondition.provincialTie(
                    enumValue(Province.class, textValue(value, ruleId, field), ruleId, field));
            case EXAM_PASSED -> ApplicantCondition.examPassed(
                    enumValue(Exam.class, textValue(value, ruleId, field), ruleId, field));
            case MINIMUM_HIGH_SCHOOL_YEARS -> {
                if (!value.isObject()) {
                    throw error(ruleId, field, "must be an object {\"province\": ..., \"years\": ...}");
                }
                allowOnly(value, ruleId, field, "province", "years");
                Province province = enumValue(Province.class, text(value, "province", ruleId, field), ruleId,
                        field + ".province");
                yield ApplicantCondition.minimumHighSchoolYears(province, positive(value, "years", ruleId, field));
            }
            case GRADUATED_BY -> {
                String reference = textValue(value, ruleId, field);
                yield ApplicantCondition.graduatedBy(
                        "trainingStartDate".equals(reference) ? trainingStartDate : date(value, ruleId, field));
            }
            case RECENT_WITHIN_YEARS -> ApplicantCondition.recentWithinYears(
                    positive(node, name, ruleId, path), trainingStartDate);
            case ON_LIST -> throw new IllegalStateException("handled above");
        });
    }

    private ApplicantCondition flag(JsonNode value, String ruleId, String field, ApplicantCondition condition) {
        if (!value.isBoolean() || !value.booleanValue()) {
            throw error(ruleId, field, "a condition without parameters is written with the value true");
        }
        return condition;
    }

    private String code(JsonNode node, String ruleId, String path) {
        String code = text(node, "code", ruleId, path);
        if (!CODE.matcher(code).matches()) {
            throw error(ruleId, join(path, "code"), "a reason code is upper case letters, digits and '_': " + code);
        }
        return code;
    }

    private JsonNode nextStepNode(JsonNode node, String ruleId, String path) {
        JsonNode step = required(node, "nextStep", ruleId, path);
        String stepPath = join(path, "nextStep");
        if (!step.isObject()) {
            throw error(ruleId, stepPath, "must be an object {\"en\", \"fr\", \"contact\"}");
        }
        allowOnly(step, ruleId, stepPath, "en", "fr", "contact");
        return step;
    }

    /** A rule's next step: {@code {"en", "fr", "contact"}}, the contact declared under "contacts". */
    private NextStep nextStep(JsonNode node, String ruleId) {
        JsonNode step = nextStepNode(node, ruleId, "");
        LocalizedText action = substitute(
                new LocalizedText(text(step, "en", ruleId, "nextStep"), text(step, "fr", ruleId, "nextStep")),
                Map.of(),
                ruleId,
                "nextStep");
        return new NextStep(action, contact(text(step, "contact", ruleId, "nextStep"), ruleId, "nextStep.contact"));
    }

    private Contact contact(String id, String ruleId, String field) {
        Contact contact = contacts.get(id);
        if (contact == null) {
            throw error(ruleId, field, "unknown contact '" + id + "'; contacts are declared under 'contacts': "
                    + contacts.keySet().stream().sorted().toList());
        }
        return contact;
    }

    private LocalizedText substitute(
            LocalizedText text, Map<String, LocalizedText> placeholders, String ruleId, String field) {
        String en = text.en();
        String fr = text.fr();
        for (Map.Entry<String, LocalizedText> placeholder : placeholders.entrySet()) {
            en = en.replace(placeholder.getKey(), placeholder.getValue().en());
            fr = fr.replace(placeholder.getKey(), placeholder.getValue().fr());
        }
        for (String result : List.of(en, fr)) {
            var leftover = PLACEHOLDER.matcher(result);
            if (leftover.find()) {
                throw error(ruleId, field, "unknown placeholder " + leftover.group());
            }
        }
        return new LocalizedText(en, fr);
    }

    // ---- strict JSON access -------------------------------------------------------------------

    private LocalizedText localized(JsonNode node, String name, String ruleId, String path) {
        JsonNode text = required(node, name, ruleId, path);
        String field = join(path, name);
        if (!text.isObject()) {
            throw error(ruleId, field, "must be an object with English and French text {\"en\": ..., \"fr\": ...}");
        }
        allowOnly(text, ruleId, field, "en", "fr");
        return new LocalizedText(text(text, "en", ruleId, field), text(text, "fr", ruleId, field));
    }

    private JsonNode required(JsonNode node, String name, String ruleId, String path) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw error(ruleId, join(path, name), "is missing");
        }
        return value;
    }

    private String text(JsonNode node, String name, String ruleId, String path) {
        return textValue(required(node, name, ruleId, path), ruleId, join(path, name));
    }

    private String textValue(JsonNode value, String ruleId, String field) {
        if (!value.isTextual() || value.asText().isBlank()) {
            throw error(ruleId, field, "must be a non-blank string");
        }
        return value.asText();
    }

    private int integer(JsonNode node, String name, String ruleId, String path) {
        JsonNode value = required(node, name, ruleId, path);
        if (!value.isInt()) {
            throw error(ruleId, join(path, name), "must be an integer");
        }
        return value.intValue();
    }

    private int positive(JsonNode node, String name, String ruleId, String path) {
        int value = integer(node, name, ruleId, path);
        if (value < 1) {
            throw error(ruleId, join(path, name), "must be a positive integer");
        }
        return value;
    }

    private Boolean optionalBoolean(JsonNode node, String name, String ruleId, String path) {
        JsonNode value = node.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw error(ruleId, join(path, name), "must be true or false");
        }
        return value.booleanValue();
    }

    private LocalDate date(JsonNode value, String ruleId, String field) {
        if (value == null || !value.isTextual()) {
            throw error(ruleId, field, "must be an ISO date (yyyy-mm-dd)");
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw error(ruleId, field, "must be an ISO date (yyyy-mm-dd), not '" + value.asText() + "'");
        }
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String name, String ruleId, String field) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw error(ruleId, field, "unknown " + describe(type) + " '" + name + "'; expected one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** An optional non-empty array of enum names; absent means the empty set ("any"). */
    private <E extends Enum<E>> Set<E> enumSet(JsonNode node, String name, Class<E> type, String ruleId, String path) {
        JsonNode array = node.get(name);
        Set<E> values = EnumSet.noneOf(type);
        if (array == null) {
            return values;
        }
        String field = join(path, name);
        if (!array.isArray() || array.isEmpty()) {
            throw error(ruleId, field, "must be a non-empty array");
        }
        for (int index = 0; index < array.size(); index++) {
            String element = field + "[" + index + "]";
            values.add(enumValue(type, textValue(array.get(index), ruleId, element), ruleId, element));
        }
        return values;
    }

    private void allowOnly(JsonNode node, String ruleId, String path, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(ruleId, join(path, name), "unknown field; allowed here: " + Arrays.toString(allowed));
            }
        }
    }

    private static String describe(Class<?> type) {
        return type == StreamType.class ? "stream type" : type.getSimpleName();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private RulesFileException error(String ruleId, String field, String problem) {
        String where = ruleId == null ? "" : ", rule '" + ruleId + "'";
        String what = field.isEmpty() ? "" : ", field '" + field + "'";
        return new RulesFileException(source + where + what + ": " + problem, ruleId, field);
    }
}
