-- The back-office audit trail: who changed what, when, with the state before and after (JSON, never secrets).
create table audit_entries (
    id bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    actor_user_key uuid null,
    actor_user_id text not null,
    account_id uuid null,
    action text not null,
    subject_id text null,
    before_json text null,
    after_json text null
);
create index ix_audit_entries_account on audit_entries (account_id, id);
