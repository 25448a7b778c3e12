-- Created the previous scheduler's tables (ADR 0002), which 0003 drops where they exist; a new database never needs them.
select 1;
