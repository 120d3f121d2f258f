-- A meeting's calendar file is served at /meetings/<token>.ics: an unguessable token (128 random
-- bits, hex) instead of its sequential number, so that only those given the link can read its
-- place, agenda and online link. Meetings made before get one now.
ALTER TABLE meetings ADD COLUMN calendar_token TEXT;
UPDATE meetings SET calendar_token = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX meetings_calendar_token ON meetings (calendar_token);
