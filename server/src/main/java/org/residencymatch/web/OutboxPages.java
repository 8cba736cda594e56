package org.residencymatch.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import org.residencymatch.Services;

/** The messages the outbox gave up on (parked after their attempts), for the operator: a page and the API. */
final class OutboxPages {

    static final int SHOWN = 200;

    private final Services services;
    private final PageRenderer pages;

    OutboxPages(Services services, PageRenderer pages) {
        this.services = services;
        this.pages = pages;
    }

    void register(RoutesConfig routes) {
        routes.get("/operator/outbox", ctx -> {
            var parked = services.outbox().parked(SHOWN);
            pages.render(ctx, "operator/outbox.jte", "outbox.title", Map.of("parked", parked, "pending", services.outbox().pendingCount(),
                    "names",
                    services.directory().names(parked.stream().map(p -> p.applicantId()).filter(java.util.Objects::nonNull).toList())));
        }, Access.OPERATOR);
        routes.get("/api/v1/outbox/parked", this::parked, Access.OPERATOR);
    }

    private void parked(Context ctx) {
        ctx.json(new OutboxJson.ParkedMessages(services.outbox().pendingCount(),
                services.outbox().parked(SHOWN).stream().map(OutboxJson.ParkedMessage::of).toList()));
    }

}
