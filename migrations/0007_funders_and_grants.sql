DO $$
BEGIN      IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'cms') THEN
        BEGIN
          EXECUTE 'CREATE SCHEMA IF NOT EXISTS cms';
        EXCEPTION
          WHEN duplicate_schema THEN NULL;
          WHEN unique_violation THEN NULL;
        END;
      END IF;

END
$$;


CREATE TABLE IF NOT EXISTS cms.mt_doc_funder (
    tenant_id           varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
    name                varchar                     NULL,
CONSTRAINT pkey_mt_doc_funder_tenant_id_id PRIMARY KEY (tenant_id, id)
);

CREATE INDEX mt_doc_funder_idx_name ON cms.mt_doc_funder USING btree (name);
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_funder;
ALTER TABLE cms.mt_doc_funder NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_funder DISABLE ROW LEVEL SECURITY;

CREATE TABLE IF NOT EXISTS cms.mt_doc_grant (
    tenant_id           varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                  uuid                        NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_dotnet_type      varchar                     NULL,
    mt_version          bigint                      NOT NULL DEFAULT 0,
    funder_id           uuid                        NULL,
    ends_on             date                        NULL,
    is_deleted          boolean                     NULL,
CONSTRAINT pkey_mt_doc_grant_tenant_id_id PRIMARY KEY (tenant_id, id)
);

CREATE INDEX mt_doc_grant_idx_funder_id ON cms.mt_doc_grant USING btree (funder_id);

CREATE INDEX mt_doc_grant_idx_ends_on ON cms.mt_doc_grant USING btree (ends_on);

CREATE INDEX mt_doc_grant_idx_is_deleted ON cms.mt_doc_grant USING btree (is_deleted);
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_grant;
ALTER TABLE cms.mt_doc_grant NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_grant DISABLE ROW LEVEL SECURITY;

