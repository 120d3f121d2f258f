-- When those coming are reminded of each occurrence of a meeting: minutes before its start,
-- comma-separated, longest first; empty for none. Meetings made before keep a day and an hour.
ALTER TABLE meetings ADD COLUMN reminders TEXT NOT NULL DEFAULT '1440,60';
