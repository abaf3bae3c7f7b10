-- A correlate-message batch keeps the variables it sets in its configuration, which may be long.
ALTER TABLE tern_batch ALTER COLUMN configuration SET DATA TYPE ${text_type};
