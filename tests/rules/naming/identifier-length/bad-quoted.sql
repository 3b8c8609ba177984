-- Quoted names count as PostgreSQL reads them: quotes removed, "" is one ", case kept, and
-- U&"..." escapes decoded (with the UESCAPE character when one follows).
CREATE TABLE "PaymentInstallmentsScheduledForTheNextBillingCycleInEveryRegionLedger" (
    id uuid PRIMARY KEY,
    "installments ""due"" within the grace period that ends next tuesday" boolean NOT NULL DEFAULT false,
    amount_cents bigint NOT NULL,
    CONSTRAINT U&"r\00e9sum\00e9_of_payment_installments_r\00e9concili\00e9es_par_le_service_comptable" CHECK (amount_cents > 0)
);
CREATE INDEX U&"install!00e9ments_!00e0_relancer_apr!00e8s_la_p!00e9riode_de_gr!00e2ce_du_mois_pr!00e9c!00e9dent" UESCAPE '!'
    ON "PaymentInstallmentsScheduledForTheNextBillingCycleInEveryRegionLedger" (amount_cents);
