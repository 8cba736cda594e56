package org.residencymatch.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every kind of email the service sends, with its message key and what fills it. An email is enqueued
 * only as one of these ({@link Outbox#enqueueEmail}), so this list is all the emails there are; a test
 * renders each in English and French. The subject is {@code key}; the body is {@code key.body}, with
 * the link as <code>{0}</code> and the arguments, in their order, as <code>{1}</code>, <code>{2}</code>...,
 * then the paragraphs the email carries, then {@code email.signature}.
 *
 * <p>An argument whose name ends in {@code Key} holds a message key, shown in the recipient's language;
 * one whose name ends in {@code Time} holds a zoned date and time (ISO), shown in the recipient's language
 * with its zone. Bodies carry no name, address or date of birth: what the email is about, and the link.
 */
public enum EmailKind {
    CONFIRM("email.confirm", List.of()), RESET("email.reset", List.of()), ALREADY_REGISTERED("email.alreadyRegistered", List.of()),
    /** The released result of an iteration: matched (where) or unmatched (and what comes next). */
    MATCH_RESULT("email.matchResult", List.of("iteration"),
            Paragraph.MATCHED, Paragraph.UNMATCHED, Paragraph.SECOND_ITERATION, Paragraph.NO_LATER_ITERATION,
            Paragraph.CAP_POOL), COUPLE_LIST_SUBMITTED("email.coupleList.submitted", List.of("version")), COUPLE_LIST_CHANGED(
                    "email.coupleList.changed", List.of("version")), FACT_VERIFIED("email.factVerified", List.of("factKey")), FACT_REFUSED(
                            "email.factRefused", List.of("factKey"),
                            Paragraph.REASON), DOCUMENT_ACCEPTED("email.documentAccepted", List.of("documentKey")), DOCUMENT_REFUSED(
                                    "email.documentRefused", List.of("documentKey"), Paragraph.REASON),
    /** An invitation to the AIMG clinical assessment placement, with the answer's deadline. */
    CAP_INVITED("email.capInvited", List.of("respondByTime"));

    /** A paragraph some emails carry, with its own arguments (<code>{0}</code>, <code>{1}</code>... in their order). */
    public enum Paragraph {
        MATCHED("email.paragraph.matched", "stream", "faculty"), UNMATCHED("email.paragraph.unmatched"),
        /** The second iteration's program selection opens, and its rank order list deadline. */
        SECOND_ITERATION("email.paragraph.secondIteration", "opensTime",
                "deadlineTime"), NO_LATER_ITERATION("email.paragraph.noLaterIteration"),
        /** On the AIMG list and unmatched: the AIMG Program may invite them to a clinical assessment placement. */
        CAP_POOL("email.paragraph.capPool"),
        /** Why a fact or a document was refused, in the recipient's language, as the operator wrote it. */
        REASON("email.paragraph.reason", "reason");

        public final String key;
        public final List<String> arguments;

        Paragraph(String key, String... arguments) {
            this.key = key;
            this.arguments = List.of(arguments);
        }
    }

    public final String key;
    public final List<String> arguments;
    public final List<Paragraph> paragraphs;

    EmailKind(String key, List<String> arguments, Paragraph... paragraphs) {
        this.key = key;
        this.arguments = arguments;
        this.paragraphs = List.of(paragraphs);
    }

    /** The kind whose subject key this is (messages queued before kinds were stored are found by their key). */
    public static Optional<EmailKind> ofKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
