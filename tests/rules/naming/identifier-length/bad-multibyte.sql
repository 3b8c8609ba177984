-- Multi-byte UTF-8 names: PostgreSQL keeps at most 63 bytes and never half a character, so the
-- name is cut before a character that straddles byte 63 (62 bytes kept for é and a CJK
-- character, 60 for an emoji).
CREATE TABLE échéances_des_paiements_en_attente_de_validation_par_leur_trésorier_général (
    id uuid PRIMARY KEY,
    "installments launched after the 2026 pricing change for the 🚀 plan" integer
);
CREATE INDEX i_支払い分割スケジュールの再計算を行うための補助インデックス
    ON échéances_des_paiements_en_attente_de_validation_par_leur_trésorier_général (id);
