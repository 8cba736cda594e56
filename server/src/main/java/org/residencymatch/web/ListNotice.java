package org.residencymatch.web;

/** What the last action did, carried in the redirect as {@code ?notice=committed-QIMG-3}; empty key if none. */
public record ListNotice(String key, String kind, String version) {
    static ListNotice parse(String text) {
        var m = text == null
                ? null
                : java.util.regex.Pattern.compile("(identical|committed|reverted)-(AIMG|BCIMG|QIMG)-(\\d+)").matcher(text);
        return m != null && m.matches() ? new ListNotice("lists.notice." + m.group(1), m.group(2), m.group(3)) : new ListNotice("", "", "");
    }
}
