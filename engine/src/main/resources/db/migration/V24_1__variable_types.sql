-- Variable types beyond the primitives (Camunda's Bytes, File, Object, Xml).
-- value_info: the value's valueInfo as a JSON object (File: filename, mimeType, encoding; Object:
-- objectTypeName, serializationDataFormat); null for the other types.
ALTER TABLE tern_variable ADD COLUMN value_info VARCHAR(4000);
ALTER TABLE tern_hi_variable ADD COLUMN value_info VARCHAR(4000);

-- The byte arrays of Bytes and File variables (Camunda's ACT_GE_BYTEARRAY): one row per variable,
-- removed with it. Runtime and history keep their own copy, as history outlives the instance.
CREATE TABLE tern_variable_bytes (
  variable_id VARCHAR(64) PRIMARY KEY REFERENCES tern_variable (id) ON DELETE CASCADE,
  bytes       ${blob_type} NOT NULL
);
CREATE TABLE tern_hi_variable_bytes (
  variable_id VARCHAR(64) PRIMARY KEY REFERENCES tern_hi_variable (id) ON DELETE CASCADE,
  bytes       ${blob_type} NOT NULL
);
