-- The language a group chat's meeting messages are written in (French when none is set).
ALTER TABLE group_chats ADD COLUMN language TEXT;
