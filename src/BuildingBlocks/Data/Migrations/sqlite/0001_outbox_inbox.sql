create table outbox_messages (
    id text not null primary key,
    type text not null,
    payload text not null,
    occurred_at text not null,
    processed_at text null,
    attempts integer not null default 0,
    next_attempt_at text not null,
    locked_until text null,
    last_error text null
);
create index ix_outbox_messages_pending on outbox_messages (next_attempt_at) where processed_at is null;

create table inbox_messages (
    message_id text not null,
    handler text not null,
    processed_at text not null,
    primary key (message_id, handler)
);
