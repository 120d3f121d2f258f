-- Reminders that a certificate ends soon are a topic people may mute (issue 13).
ALTER TABLE mutes DROP CONSTRAINT mutes_topic_check;
ALTER TABLE mutes ADD CONSTRAINT mutes_topic_check
    CHECK (topic IN ('meetings', 'announcements', 'daily', 'certificates'));
