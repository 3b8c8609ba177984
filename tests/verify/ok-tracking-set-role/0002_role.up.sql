SET ROLE ddlint_verify_app;
