-- An email's arguments beside its link (JSON: the values that fill its message, and the paragraphs it
-- carries), so that it is rendered from the message files in the recipient's language when it is sent.
-- Emails queued before this have none: they are rendered from their link alone.
ALTER TABLE outbox_message ADD COLUMN email_arguments VARCHAR(4000);
