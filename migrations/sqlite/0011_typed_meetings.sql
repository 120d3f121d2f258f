-- A meeting's recurrence and reminders as JSON, read back as types without any fallback:
-- recurrence 'none' | 'weekly:N' | 'monthly:N' | 'cron:EXPR' becomes "none", {"weekly":{"every":N}},
-- {"monthly":{"every":N}} or {"cron":"EXPR"}; reminders '1440,60' (minutes) become [1440,60].
-- Text that names no recurrence is left as it is, so that reading it fails loudly.
-- (The reminders column's old default is never used: every insert gives the reminders.)
UPDATE meetings SET recurrence = CASE
    WHEN recurrence = 'none' THEN '"none"'
    WHEN recurrence LIKE 'weekly:%' THEN json_object('weekly', json_object('every', CAST(substr(recurrence, 8) AS INTEGER)))
    WHEN recurrence LIKE 'monthly:%' THEN json_object('monthly', json_object('every', CAST(substr(recurrence, 9) AS INTEGER)))
    WHEN recurrence LIKE 'cron:%' THEN json_object('cron', substr(recurrence, 6))
    ELSE recurrence
END;
UPDATE meetings SET reminders = '[' || reminders || ']';
