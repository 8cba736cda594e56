-- The language an account last chose (en or fr). A session keeps its own, but sessions end at sign-out:
-- an email to someone signed out (a partner told of a change to the couple's list) is written in this one.
ALTER TABLE user_account ADD COLUMN language VARCHAR(5);
