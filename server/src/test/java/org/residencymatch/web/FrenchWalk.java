package org.residencymatch.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.residencymatch.demo.DemoData;
import org.residencymatch.program.FrenchNames;

/**
 * Walks, in French, every page an account reaches by GET on a {@link TestServer} and collects the English
 * interface text it finds (#16 point 4): each role's landing page, every GET route of the route table its
 * role admits, every link and every GET form (submitted as it stands) on the pages it finds. The visible
 * text of each French page (text and the attributes people read or hear: title, placeholder, aria-label,
 * alt, button values) must carry no English interface string: no fragment of an English message whose
 * French differs, no English discipline or stream name that has a French one, no raw audit action code,
 * none of the phrases #16 found, and no English function word outside the allowed data.
 *
 * <p>What remains English on a French page on purpose is in {@link #ALLOWED}, each with why. Used by
 * {@link FrenchPagesTest} (the demo year up to the rank order lists) and {@link FrenchMatchDayPagesTest}
 * (match day and the second iteration).
 */
final class FrenchWalk {

    /**
     * Elements (by their class) whose text is English on a French page by decision, marked {@code lang="en"} there, with the
     * reason; their text is not checked.
     */
    static final Map<String, String> ENGLISH_BY_DESIGN = Map.of("audit-details",
            "an audit entry's details are the service's record of what it did (ids, counts, file names), written once, in English, "
                    + "when it happened; the action itself is shown in the reader's language");

    /** Data that is English on a French page by decision, with the reason; removed from the text before the checks. */
    static final Map<String, String> ALLOWED = allowed();

    private static Map<String, String> allowed() {
        Map<String, String> allowed = new LinkedHashMap<>();
        String officialName = "the official name of an English-language body, which has no French form";
        allowed.put("AIMG Program", officialName + " (the Alberta International Medical Graduate Program, a demo partner account)");
        allowed.put("UBC Clinical Assessment Program", officialName + " (a demo partner account)");
        // Sites with a French name (program/site-names-fr.csv: "Prince Edward Island", "Urban and Rural") are shown in French.
        allowed.put("U Saskatchewan_Network-U of Manitoba", "a stream's site as the 2025 catalogue publishes it (program_site), the name "
                + "of an inter-university network with no French form and no French page: shown as published, marked lang=\"en\"");
        return allowed;
    }

    /** Pages of one kind (same path once numbers and ids are set aside, same query parameters) looked at per account. */
    static final int SAMPLES_PER_KIND = 2;
    static final int MAX_PAGES_PER_ACCOUNT = 120;

    static final Pattern HREF = Pattern.compile("\\shref=\"(/[^\"#]*)");
    static final Pattern GET_FORM = Pattern.compile("<form(?![^>]*method=\"post\")[^>]*action=\"(/[^\"]*)\"[^>]*>(.*?)</form>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    static final Pattern INPUT = Pattern.compile("<(input|select)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    static final Pattern NAME_ATTR = Pattern.compile("\\sname=\"([^\"]+)\"");
    static final Pattern VALUE_ATTR = Pattern.compile("\\svalue=\"([^\"]*)\"");
    static final Pattern ENGLISH_WORD = Pattern.compile(
            "\\b(the|The|and|with|your|Your|you|You|must|is|are|of|to|for|this|This|has|have|will|which|been|were|should|cannot|not|Not|from|by|yet|only|no longer)\\b");
    static final List<String> PHRASES = List.of("Match operator", "revert to version", "name and date of birth agree", "must be one of",
            "Revert to version", "version 1 of");

    private final TestServer web;
    private List<String> actions = List.of();
    /** Where in the year the pages are walked, named in the findings. */
    private String stage = "";
    final List<String> englishFragments = new ArrayList<>();
    final Set<String> englishNames = new TreeSet<>();
    final Map<String, Set<String>> findings = new LinkedHashMap<>();
    /** Every page read, as "account path". */
    final List<String> walked = new ArrayList<>();

    /** Reads the English messages, discipline, faculty and stream names, and the audit actions the server has recorded so far. */
    FrenchWalk(TestServer web) throws Exception {
        this.web = web;
        var en = Messages.bundle("en");
        var fr = Messages.bundle("fr");
        List<String> frenchValues = fr.stringPropertyNames().stream().map(fr::getProperty).toList();
        for (String key : en.stringPropertyNames()) {
            String english = en.getProperty(key);
            if (english.equals(fr.getProperty(key))) continue;
            for (String fragment : literalFragments(english)) {
                if (fragment.split("\\s+").length < 3 || fragment.length() < 14) continue;
                if (frenchValues.stream().anyMatch(v -> v.contains(fragment))) continue;
                englishFragments.add(fragment);
            }
        }
        String disciplines = resource("/catalogue/r1-2025-disciplines.csv");
        for (String line : disciplines.lines().skip(1).filter(l -> !l.isBlank()).toList()) {
            String[] cells = line.split(",", 3);
            int id = Integer.parseInt(cells[0].strip());
            String english = cells[1].replace("\"", "").strip();
            if (FrenchNames.discipline(id).filter(f -> !f.equals(english)).isPresent()) englishNames.add(english);
        }
        englishNames.addAll(web.services().database().jdbi().withHandle(h -> h.createQuery("SELECT name FROM faculty WHERE name <> name_fr")
                .mapTo(String.class).list()));
        for (String line : resource("/program/stream-names.csv").lines().skip(1).toList()) {
            String english = line.substring(0, line.indexOf(','));
            if (FrenchNames.stream(english).filter(f -> !f.equals(english)).isPresent()) englishNames.add(english);
        }
    }

    static String emailOf(TestServer web, String applicantId) {
        return web.services().database().jdbi().withHandle(h -> h.createQuery("SELECT email FROM user_account WHERE applicant_id = :a")
                .bind("a", applicantId).mapTo(String.class).one());
    }

    /**
     * The audit actions recorded so far with no French text ({@code audit.action.<code>}): the audit page would show
     * them as raw codes, on whichever page of the log they fall (the walk reads only the first pages).
     */
    List<String> actionsWithoutFrenchText() {
        var fr = Messages.bundle("fr");
        return web.services().database().jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT action FROM audit_log ORDER BY action")
                .mapTo(String.class).list()).stream().filter(a -> fr.getProperty("audit.action." + a) == null).toList();
    }

    /** Names the point of the year the next walks see, for the findings (a match-day walk sees one page at several stages). */
    FrenchWalk during(String stage) {
        this.stage = stage.isEmpty() ? "" : stage + ": ";
        return this;
    }

    /** Walks each account (null: a visitor not signed in) in French; returns how many pages it read in all. */
    int walkAll(Iterable<String> emails) throws Exception {
        int pages = 0;
        for (String email : emails) pages += walk(email);
        return pages;
    }

    /** The findings, one per line with where they were found, for the assertion's message and target/{name}-findings.txt. */
    String report(String name, int pages) throws Exception {
        StringBuilder report = new StringBuilder();
        findings.forEach(
                (what, where) -> report.append(what).append("\n    on ").append(String.join(", ", where.stream().limit(4).toList()))
                        .append(where.size() > 4 ? " and " + (where.size() - 4) + " more" : "").append('\n'));
        Files.writeString(Path.of("target", name + "-findings.txt"), pages + " pages\n" + report);
        Files.write(Path.of("target", name + "-walked.txt"), walked);
        return report.toString();
    }

    /** Walks what one account (null: a visitor not signed in) reaches by GET, in French; returns how many pages it read. */
    int walk(String email) throws Exception {
        // The audit actions recorded so far: the year moves on between walks.
        actions = web.services().database().jdbi().withHandle(h -> h.createQuery("SELECT DISTINCT action FROM audit_log")
                .mapTo(String.class).list());
        BrowserlessSession browser = web.session();
        browser.get("/login?lang=fr");
        if (email != null) assertThat(browser.signIn(email, DemoData.PASSWORD).statusCode()).as(email).isEqualTo(302);
        // Asked once in a link (as the rules' contact links do), the language is kept for the session.
        browser.get("/help/contact?lang=fr");
        Access role = email == null ? Access.ANYONE : roleOf(email);

        Deque<String> queue = new ArrayDeque<>();
        queue.add("/");
        for (var route : RouteAccessTest.routes(web.server())) {
            if (!route.method().equals("GET") || route.path().startsWith("/api/") || !route.roles().contains(role)) continue;
            queue.add(RouteAccessTest.address(route.path()));
        }
        Set<String> seen = new LinkedHashSet<>();
        Map<String, Integer> kinds = new HashMap<>();
        int read = 0;
        while (!queue.isEmpty() && read < MAX_PAGES_PER_ACCOUNT) {
            String address = queue.poll();
            if (!seen.add(address) || !worthVisiting(address)) continue;
            String kind = kind(address);
            if (kinds.merge(kind, 1, Integer::sum) > SAMPLES_PER_KIND) continue;
            HttpResponse<String> page = browser.get(address);
            if (page.statusCode() / 100 == 3) {
                page.headers().firstValue("Location").filter(l -> l.startsWith("/")).ifPresent(queue::addFirst);
                continue;
            }
            if (!page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) continue;
            read++;
            walked.add(stage + (email == null ? "visitor" : email) + " " + address);
            String html = page.body();
            String where = stage + (email == null ? "visitor" : email.substring(0, email.indexOf('@'))) + " " + address + " ("
                    + page.statusCode()
                    + ")";
            if (!html.contains("<html lang=\"fr\"")) finding("page not in French", where);
            check(visibleText(html), where);
            Matcher link = HREF.matcher(html);
            while (link.find()) queue.add(link.group(1).replace("&amp;", "&"));
            Matcher form = GET_FORM.matcher(html);
            while (form.find()) {
                queue.add(submitted(form.group(1).replace("&amp;", "&"), form.group(2), false));
                queue.add(submitted(form.group(1).replace("&amp;", "&"), form.group(2), true));
            }
        }
        return read;
    }

    private Access roleOf(String email) {
        String role = web.services().database().jdbi().withHandle(h -> h.createQuery("SELECT role FROM user_account WHERE email = :e")
                .bind("e", email).mapTo(String.class).one());
        return Access.valueOf(role);
    }

    /** Pages only: not the API, files, assets, downloads, sign-out or the language switch. */
    private static boolean worthVisiting(String address) {
        String path = address.contains("?") ? address.substring(0, address.indexOf('?')) : address;
        return !path.startsWith("/api/") && !path.startsWith("/assets/") && !path.startsWith("/webjars/") && !path.equals("/logout")
                && !path.equals("/language") && !path.equals("/metrics") && !path.equals("/health") && !path.equals("/ready")
                && !path.matches(".*\\.(csv|xlsx|json|pdf|png|js|css|txt)$") && !path.contains("/download") && !path.contains("/export")
                && !path.contains("/file");
    }

    /** The path with numbers and ids set aside, and the names of the query's parameters: pages of one kind. */
    private static String kind(String address) {
        String path = address.contains("?") ? address.substring(0, address.indexOf('?')) : address;
        Set<String> parameters = new TreeSet<>();
        if (address.contains("?")) {
            for (String pair : address.substring(address.indexOf('?') + 1).split("&")) parameters.add(pair.split("=", 2)[0]);
        }
        return path.replaceAll("A-\\d+", "#").replaceAll("\\d+", "#") + parameters;
    }

    /** A GET form sent as it stands (the values its fields show), or with nonsense in every field (the page that refuses it). */
    private static String submitted(String action, String form, boolean nonsense) {
        StringBuilder query = new StringBuilder();
        Matcher input = INPUT.matcher(form);
        while (input.find()) {
            Matcher name = NAME_ATTR.matcher(input.group(2));
            if (!name.find()) continue;
            Matcher value = VALUE_ATTR.matcher(input.group(2));
            String v = nonsense ? "zz" : input.group(1).equalsIgnoreCase("input") && value.find() ? value.group(1) : "";
            if (input.group(2).contains("type=\"checkbox\"") && !input.group(2).contains("checked")) continue;
            query.append(query.isEmpty() ? "" : "&").append(name.group(1)).append('=')
                    .append(java.net.URLEncoder.encode(decode(v), StandardCharsets.UTF_8));
        }
        return query.isEmpty() ? action : action + (action.contains("?") ? "&" : "?") + query;
    }

    private void check(List<String> texts, String where) {
        String all = String.join(" \u2016 ", texts);
        for (String allowed : ALLOWED.keySet()) all = all.replace(allowed, " ");
        for (String phrase : PHRASES) {
            if (all.contains(phrase)) finding("phrase \"" + phrase + "\"", where);
        }
        for (String fragment : englishFragments) {
            if (all.contains(fragment)) finding("English message text \"" + fragment + "\"", where);
        }
        for (String name : englishNames) {
            if (all.contains(name)) finding("English name \"" + name + "\"", where);
        }
        for (String action : actions) {
            if (!all.contains(action)) continue;
            if (Pattern.compile("(?<![\\w.@-])" + Pattern.quote(action) + "(?![\\w@-]|\\.\\w)").matcher(all).find()) {
                finding("raw audit action \"" + action + "\"", where);
            }
        }
        for (String text : all.split(" \u2016 ")) {
            Matcher word = ENGLISH_WORD.matcher(text);
            if (word.find() && !text.contains("@")) finding("English words in \"" + abbreviate(text) + "\"", where);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }

    private void finding(String what, String where) {
        findings.computeIfAbsent(what, k -> new LinkedHashSet<>()).add(where);
    }

    static final Pattern DROPPED = Pattern.compile("<(script|style|template)\\b.*?</\\1>|<!--.*?-->",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|</[^>]+>", Pattern.DOTALL);
    static final Pattern READ_ATTRIBUTE = Pattern.compile("\\s(title|placeholder|aria-label|alt|data-confirm)=\"([^\"]*)\"");
    static final Pattern BUTTON_VALUE = Pattern.compile("type=\"(submit|button|reset)\"");

    /** What a reader sees or hears: text between tags, and the attributes read out; one entry per piece. */
    static List<String> visibleText(String html) {
        String body = DROPPED.matcher(html).replaceAll(" ");
        for (String kind : ENGLISH_BY_DESIGN.keySet()) {
            body = Pattern.compile("<(\\w+)\\b[^>]*\\bclass=\"" + kind + "\"[^>]*\\blang=\"en\"[^>]*>.*?</\\1>", Pattern.DOTALL)
                    .matcher(body).replaceAll(" ");
        }
        int head = body.indexOf("</head>");
        String title = "";
        Matcher titleTag = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL).matcher(body);
        if (titleTag.find()) title = titleTag.group(1);
        if (head >= 0) body = body.substring(head + "</head>".length());
        List<String> texts = new ArrayList<>();
        add(texts, title);
        Matcher tag = TAG.matcher(body);
        int last = 0;
        StringBuilder run = new StringBuilder();
        while (tag.find()) {
            run.append(body, last, tag.start());
            last = tag.end();
            String name = tag.group(1);
            boolean inline = name == null
                    ? isInline(body.substring(tag.start() + 2, Math.min(body.length(), tag.start() + 12)))
                    : isInline(name);
            if (!inline) {
                add(texts, run.toString());
                run.setLength(0);
            } else {
                run.append(' ');
            }
            if (name != null) {
                Matcher attribute = READ_ATTRIBUTE.matcher(tag.group(2));
                while (attribute.find()) add(texts, attribute.group(2));
                if (name.equalsIgnoreCase("input") && BUTTON_VALUE.matcher(tag.group(2)).find()) {
                    Matcher value = VALUE_ATTR.matcher(tag.group(2));
                    if (value.find()) add(texts, value.group(1));
                }
            }
        }
        run.append(body.substring(last));
        add(texts, run.toString());
        return texts;
    }

    private static boolean isInline(String nameOrRest) {
        String name = nameOrRest.replaceAll("(?s)[^a-zA-Z0-9].*$", "").toLowerCase(java.util.Locale.ROOT);
        return Set
                .of("a", "strong", "em", "b", "i", "span", "code", "abbr", "time", "small", "mark", "q", "kbd", "var", "sub", "sup", "bdi")
                .contains(name);
    }

    private static void add(List<String> texts, String raw) {
        String text = decode(raw).replaceAll("\\s+", " ").strip();
        if (!text.isEmpty()) texts.add(text);
    }

    private static String decode(String html) {
        Matcher entity = Pattern.compile("&(#x?[0-9a-fA-F]+|[a-zA-Z]+);").matcher(html);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String e = entity.group(1);
            String replacement = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> " ";
                default -> e.startsWith("#x")
                        ? new String(Character.toChars(Integer.parseInt(e.substring(2), 16)))
                        : e.startsWith("#") ? new String(Character.toChars(Integer.parseInt(e.substring(1)))) : entity.group();
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(out);
        return out.toString();
    }

    /** The literal text of a MessageFormat pattern, in pieces, without its arguments (and their choices). */
    static List<String> literalFragments(String pattern) {
        List<String> fragments = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    if (depth == 0) piece.append('\'');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (!quoted && c == '{') {
                depth++;
                fragments.add(piece.toString());
                piece.setLength(0);
            } else if (!quoted && c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                piece.append(c);
            }
        }
        fragments.add(piece.toString());
        return fragments.stream().map(String::strip).filter(f -> !f.isEmpty()).toList();
    }

    private static String resource(String name) throws Exception {
        try (var in = FrenchWalk.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
