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
 * saved: the page shows the edited order (in the query, with {@code edited=1}) until the person saves
 * or submits it, under a banner saying so. After a move the page names the moved item
 * ({@code moved=ID}) and the fragment names its ↑ or ↓ button at its new place ({@link #focusTarget}),
 * which the browser focuses; {@code /assets/rank-list.js} announces the move (and puts the focus back
 * if the browser did not).
 * With JavaScript, the script also adds drag and drop, which posts the dragged order with {@code save}.
 */
final class RankListEditor {

    /** Saves the list as a draft or submits it. */
    interface Saver {
        void save(List<String> order, boolean submit);
    }

    /**
     * What the editor shows: the order, whether it differs from the newest saved version (then nothing
     * of it is saved), and the item just moved with its 1-based place (0 when nothing moved).
     */
    record Shown(List<String> order, boolean unsaved, String moved, int movedTo) {
        boolean movedHere(String item) {
            return item.equals(moved);
        }
    }

    private RankListEditor() {
    }

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
        String moved = null;
        switch (action[0]) {
            case "up" -> {
                if (at > 0) {
                    Collections.swap(order, at, at - 1);
                    moved = target;
                }
            }
            case "down" -> {
                if (at >= 0 && at < order.size() - 1) {
                    Collections.swap(order, at, at + 1);
                    moved = target;
                }
            }
            case "remove" -> order.remove(target);
            case "add" -> {
                String item = target.isEmpty() && added != null ? added : target;
                if (!item.isEmpty() && !order.contains(item)) order.add(item);
            }
            case "save", "submit" -> {
                try {
                    saver.save(order, action[0].equals("submit"));
                } catch (IllegalArgumentException e) {
                    // A list the service refuses as written (an item never applied to, twice, a pair of two "no match"):
                    // only a hand-made form gets here, and it is told which part, not given a 500.
                    throw ApiException.badRequest("item", e.getMessage());
                }
                ctx.redirect(page + separator(page) + "saved=" + action[0]);
                return;
            }
            default -> throw ApiException.badRequest("action", "unknown action");
        }
        String url = edited(page, order);
        ctx.redirect(moved == null
                ? url + "#ranks"
                : url + "&moved=" + encode(moved) + "&dir=" + action[0] + "#"
                        + focusTarget(action[0], order.indexOf(moved) + 1, order.size()));
    }

    /**
     * The id of the button to land on after a move: the one pressed ({@code up-N} or {@code down-N} at
     * the item's new place N), or its other one when the item reached the top or the bottom. A
     * fragment naming a focusable element makes the browser focus it, script or not (one naming a
     * row would take the focus away from the page instead).
     */
    static String focusTarget(String direction, int position, int count) {
        String button = direction.equals("down") && position == count ? "up" : direction.equals("up") && position == 1 ? "down" : direction;
        return button + "-" + position;
    }

    /**
     * Back to {@code page} with the order as posted and a refusal to show in place ({@code error=KEY}),
     * at {@code anchor}: the form keeps the person's unsaved work and says what to change.
     */
    static void refuse(Context ctx, String page, String errorKey, String anchor) {
        ctx.redirect(edited(page, ctx.formParams("item")) + "&error=" + encode(errorKey) + "#" + anchor);
    }

    /** The order to show: the edited one in the query, else the saved one. */
    static List<String> shownOrder(Context ctx, List<String> saved) {
        return shown(ctx, saved).order();
    }

    /** What to show, given the newest saved order. */
    static Shown shown(Context ctx, List<String> saved) {
        boolean edited = ctx.queryParamMap().containsKey("item") || "1".equals(ctx.queryParam("edited"));
        List<String> order = edited ? ctx.queryParams("item") : saved;
        String moved = ctx.queryParam("moved");
        int movedTo = moved == null ? 0 : order.indexOf(moved) + 1;
        return new Shown(order, edited && !order.equals(saved), movedTo == 0 ? "" : moved, movedTo);
    }

    /**
     * The editor's pages change with every save and hold what a person has not saved: a browser must
     * neither show a stored copy on Back nor keep one, or the status shown would be stale.
     */
    static void noStore(Context ctx) {
        ctx.header("Cache-Control", "no-store");
    }

    private static String edited(String page, List<String> order) {
        StringBuilder query = new StringBuilder(page).append(separator(page)).append("edited=1");
        for (String id : order) query.append("&item=").append(encode(id));
        return query.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String separator(String url) {
        return url.contains("?") ? "&" : "?";
    }
}
