CREATE TABLE users (
    id uuid PRIMARY KEY,
    is_active boolean NOT NULL DEFAULT true,
    has_avatar boolean,
    can_invite boolean,
    allow_marketing boolean
);
