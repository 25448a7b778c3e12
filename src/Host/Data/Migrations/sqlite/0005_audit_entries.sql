-- The back-office audit trail: who changed what, when, with the state before and after (JSON, never secrets).
create table audit_entries (
    id integer primary key autoincrement,
    occurred_at text not null,
    actor_user_key text null,
    actor_user_id text not null,
    account_id text null,
    action text not null,
    subject_id text null,
    before_json text null,
    after_json text null
);
create index ix_audit_entries_account on audit_entries (account_id, id);
