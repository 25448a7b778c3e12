create table outbox_messages (
    id uuid not null primary key,
    type text not null,
    payload text not null,
    occurred_at timestamptz not null,
    processed_at timestamptz null,
    attempts integer not null default 0,
    next_attempt_at timestamptz not null,
    locked_until timestamptz null,
    last_error text null
);
create index ix_outbox_messages_pending on outbox_messages (next_attempt_at) where processed_at is null;

create table inbox_messages (
    message_id uuid not null,
    handler text not null,
    processed_at timestamptz not null,
    primary key (message_id, handler)
);
