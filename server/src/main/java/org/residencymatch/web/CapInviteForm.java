package org.residencymatch.web;

import java.util.List;

/**
 * The AIMG CAP invitation form as the operator sent it, with what is wrong, for the page to show it in
 * place: beside the field at fault ({@code applicantId}, {@code respondBy}, {@code limit}), or above the
 * form when {@code field} is null (a refusal of the whole request, such as the limit reached).
 *
 * @param limit the limit as typed, or null for the default
 * @param error the message in the reader's language, or null when nothing is wrong
 */
public record CapInviteForm(List<String> chosen, String respondBy, String limit, String field, String error) {

    static final CapInviteForm EMPTY = new CapInviteForm(List.of(), "", null, null, null);

    public CapInviteForm {
        chosen = List.copyOf(chosen);
    }
}
