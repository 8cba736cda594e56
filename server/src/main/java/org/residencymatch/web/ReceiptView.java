package org.residencymatch.web;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.residencymatch.Services;
import org.residencymatch.application.Couple;
import org.residencymatch.application.RankList;
import org.residencymatch.application.RankListReceipt;
import org.residencymatch.application.RankListService;
import org.residencymatch.program.ProgramStream;

/**
 * A submitted rank order list as its confirmation shows it: the owner, the version, the time in UTC
 * and in the cycle's time zone (the one every page shows), the receipt code and each rank in words.
 *
 * @param owner who the list belongs to, in words: an applicant's name, a couple's two names, a stream
 * @param ranks each rank, first choice first, in words
 */
public record ReceiptView(String cycle, int iteration, RankList list, String code, String owner, String savedUtc, String savedEastern,
        List<String> ranks) {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    private static final DateTimeFormatter ZONED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx '('VV')'");

    /** The receipt of a stored version; {@code couple} is the couple for a couple's list, null otherwise. */
    static ReceiptView of(Services services, String cycle, int iteration, RankList list, Couple couple, String language) {
        Map<String, ProgramStream> streams = new HashMap<>();
        services.quotas().streams(cycle).forEach(s -> streams.put(s.streamId(), s));
        List<String> ranks = new ArrayList<>();
        String owner;
        switch (list.ownerKind()) {
            case RankListService.STREAM -> {
                Map<String, String> names = services.directory().names(list.entries().stream().map(RankList.Entry::item).toList());
                for (RankList.Entry e : list.entries())
                    ranks.add(names.containsKey(e.item()) ? names.get(e.item()) + " (" + e.item() + ")" : e.item());
                owner = stream(language, streams, list.ownerId());
            }
            case RankListService.COUPLE -> {
                Map<String, String> names = services.directory().names(List.of(couple.first(), couple.second()));
                for (RankList.Entry e : list.entries())
                    ranks.add(stream(language, streams, e.item()) + "  +  " + stream(language, streams, e.second()));
                owner = names.getOrDefault(couple.first(), "") + " (" + couple.first() + ")  +  " + names.getOrDefault(couple.second(), "")
                        + " (" + couple.second() + ")";
            }
            default -> {
                for (RankList.Entry e : list.entries()) ranks.add(stream(language, streams, e.item()));
                owner = services.directory().name(list.ownerId()).map(n -> n + " (" + list.ownerId() + ")").orElse(list.ownerId());
            }
        }
        LocalDateTime saved = list.savedAt();
        ZoneId zone = services.cycles().find(cycle).map(org.residencymatch.cycle.Cycle::timeZone)
                .orElse(org.residencymatch.cycle.Cycle.DEFAULT_TIME_ZONE);
        return new ReceiptView(cycle, iteration, list, RankListReceipt.shown(RankListReceipt.code(cycle, iteration, list)), owner,
                saved.format(UTC_TIME), saved.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).format(ZONED_TIME), List.copyOf(ranks));
    }

    /** A stream in words, in the reader's language; "—" for a couple's "no match" side. */
    private static String stream(String language, Map<String, ProgramStream> streams, String streamId) {
        if (streamId == null) return "—";
        ProgramStream s = streams.get(streamId);
        return s == null
                ? "#" + streamId
                : s.disciplineName(language) + " · " + ("fr".equals(language) ? s.facultyNameFr() : s.facultyName()) + " · " + s.site()
                        + " #" + streamId;
    }
}
