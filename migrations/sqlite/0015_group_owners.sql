-- A group chat belongs to an association (claimed by one of its managers with /claimgroup, or by
-- `tatwir group claim`) or, when NULL, to the platform: only the owner's managers and the
-- coordinators set its language and invite it to a meeting. Groups known before belong to the
-- platform.
ALTER TABLE group_chats ADD COLUMN association_id BIGINT REFERENCES associations (id) ON DELETE SET NULL;
