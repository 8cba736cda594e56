package org.residencymatch.web;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rank order list editor without JavaScript, shared by applicants and program staff: every button
 * posts the whole list as shown ({@code item} fields, in order) plus one action, {@code up:ID},
 * {@code down:ID}, {@code add:ID}, {@code remove:ID}, {@code save} or {@code submit}. Moves are not
 * saved: the page shows the edited order until the person saves or submits it. With JavaScript,
 * {@code /assets/rank-list.js} adds drag and drop, which posts the dragged order with {@code save}.
 */
final class RankListEditor {

    /** Saves the list as a draft or submits it. */
    interface Saver {
        void save(List<String> order, boolean submit);
    }

    private RankListEditor() {}

    /**
     * Applies the posted action and redirects: back to {@code page} with the edited order in the
     * query for a move, or with {@code saved=} after saving through {@code saver}.
     */
    static void handle(Context ctx, String page, Saver saver) {
        handle(ctx, page, saver, null);
    }

    /**
     * As {@link #handle(Context, String, Saver)}, where {@code add:} without an id adds {@code added}:
     * an item the form composes from several fields (a couple's pair from two selects).
     */
    static void handle(Context ctx, String page, Saver saver, String added) {
        List<String> order = new ArrayList<>(ctx.formParams("item"));
        String[] action = String.valueOf(ctx.formParam("action")).split(":", 2);
        String target = action.length == 2 ? action[1] : "";
        int at = order.indexOf(target);
        switch (action[0]) {
            case "up" -> { if (at > 0) Collections.swap(order, at, at - 1); }
            case "down" -> { if (at >= 0 && at < order.size() - 1) Collections.swap(order, at, at + 1); }
            case "remove" -> order.remove(target);
            case "add" -> {
                String item = target.isEmpty() && added != null ? added : target;
                if (!item.isEmpty() && !order.contains(item)) order.add(item);
            }
            case "save", "submit" -> {
                saver.save(order, action[0].equals("submit"));
                ctx.redirect(page + separator(page) + "saved=" + action[0]);
                return;
            }
            default -> throw ApiException.badRequest("action", "unknown action");
        }
        StringBuilder query = new StringBuilder(page);
        for (String id : order) query.append(separator(query.toString())).append("item=").append(URLEncoder.encode(id, StandardCharsets.UTF_8));
        ctx.redirect(query + "#ranks");
    }

    /** The order to show: the edited one in the query, else the saved one. */
    static List<String> shownOrder(Context ctx, List<String> saved) {
        return ctx.queryParamMap().containsKey("item") ? ctx.queryParams("item") : saved;
    }

    private static String separator(String url) {
        return url.contains("?") ? "&" : "?";
    }
}
