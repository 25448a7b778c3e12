-- Hangfire replaced Quartz.NET (ADR 0004): its tables live in the `hangfire` schema, so Quartz's qrtz_* tables go.
drop table if exists qrtz_fired_triggers, qrtz_paused_trigger_grps, qrtz_paused_job_grps, qrtz_scheduler_state, qrtz_locks,
    qrtz_simple_triggers, qrtz_cron_triggers, qrtz_simprop_triggers, qrtz_blob_triggers, qrtz_calendars,
    qrtz_execution_history, qrtz_misfire_history, qrtz_job_status, qrtz_triggers, qrtz_job_details cascade;
