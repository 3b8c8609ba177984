CREATE DOMAIN flag AS boolean;
CREATE TABLE users (
    id uuid PRIMARY KEY,
    is_active boolean NOT NULL DEFAULT true,
    has_avatar bool,
    can_invite boolean,
    should_notify boolean,
    was_migrated boolean,
    allow_marketing boolean,
    is_admin flag,
    active_since timestamptz
);
