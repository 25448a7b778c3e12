create table testprobe_items (id text not null primary key, text text not null);
create table testprobe_handled (message_id text not null, handler text not null, item_id text not null);
