-- A sequence named past 63 bytes.
CREATE SEQUENCE payment_installment_reference_numbers_shown_on_printed_remittance_slips START 1000;
