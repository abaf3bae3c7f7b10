-- Indexes for the main query filters at 1,000,000 process instances on PostgreSQL; plans and timings
-- before and after are in docs/query-plans.md (bench/query-plans.sh measures them).

-- Numeric and date variable filters (amount gt 9990, dueAt lt …) compare long_value OR double_value
-- (VariableConditionSql). With an index on each side PostgreSQL combines both (BitmapOr); with only
-- (name, long_value) it scans every variable row. Costs one more index entry per variable write.
CREATE INDEX tern_variable_name_double ON tern_variable (name, double_value);
CREATE INDEX tern_hivar_name_long ON tern_hi_variable (name, long_value);
CREATE INDEX tern_hivar_name_double ON tern_hi_variable (name, double_value);

-- tenantIdIn / withoutTenantId on historic process instances (the runtime table has tern_pi_tenant).
CREATE INDEX tern_hipi_tenant ON tern_hi_process_instance (tenant_id);
