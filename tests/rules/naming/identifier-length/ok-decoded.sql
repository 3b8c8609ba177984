-- Names longer than 63 bytes as written but not as PostgreSQL reads them: each is 63 bytes
-- once "" is one " and U&"..." escapes are decoded, or 63 bytes of 3-byte characters.
CREATE TABLE U&"r\00e9sum\00e9_des_paiements_r\00e9concili\00e9s_par_le_service_comptable_x" (
    id uuid CONSTRAINT pk_resume PRIMARY KEY,
    "installments ""due"" within the grace period of ""thirty"" days, ne" boolean
);
CREATE INDEX 支払い分割スケジュールの再計算を行うための ON U&"r*00e9sum*00e9_des_paiements_r*00e9concili*00e9s_par_le_service_comptable_x" UESCAPE '*' (id);
