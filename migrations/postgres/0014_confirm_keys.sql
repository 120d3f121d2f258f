-- A confirmation pressed twice (a retry, a replayed update, two webhook requests at once) makes
-- one announcement or one meeting: each carries the key of the offer that was confirmed
-- ('<person>:<offer nonce>'), unique; the command line makes them without one.
ALTER TABLE broadcasts ADD COLUMN request_key TEXT;
CREATE UNIQUE INDEX broadcasts_request_key ON broadcasts (request_key);
ALTER TABLE meetings ADD COLUMN request_key TEXT;
CREATE UNIQUE INDEX meetings_request_key ON meetings (request_key);
