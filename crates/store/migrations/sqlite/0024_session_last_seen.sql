-- When a sign-in was last used, for the idle timeout beside the absolute one (NULL: never
-- since it opened, so its created_at). Written at most once a minute per sign-in.
-- Append-only.
ALTER TABLE user_sessions ADD COLUMN last_seen_at BIGINT;
