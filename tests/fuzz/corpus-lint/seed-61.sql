CREATE TABLE users (id uuid PRIMARY KEY);
CREATE TABLE categories (id uuid PRIMARY KEY, parent_category_id uuid REFERENCES categories);
CREATE TABLE order_items (id uuid PRIMARY KEY);
CREATE TABLE tasks (
    id uuid PRIMARY KEY,
    user_id uuid REFERENCES users (id),
    assignee_user_id uuid REFERENCES users,
    category_id uuid REFERENCES categories (id),
    order_item_id uuid REFERENCES order_items,
    created_by uuid REFERENCES users,
    deleted_by uuid REFERENCES users (id),
    person_id uuid REFERENCES people (id)
);
CREATE TABLE codes (code text PRIMARY KEY);
CREATE TABLE shipments (id uuid PRIMARY KEY, code_code text REFERENCES codes);
