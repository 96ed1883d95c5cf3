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


CREATE TABLE IF NOT EXISTS cms.mt_doc_digestsent (
    tenant_id           varchar                     NOT NULL DEFAULT '*DEFAULT*',
    id                  varchar                     NOT NULL,
    data                jsonb                       NOT NULL,
    mt_last_modified    timestamp with time zone    NULL DEFAULT (transaction_timestamp()),
    mt_version          uuid                        NOT NULL DEFAULT (md5(random()::text || clock_timestamp()::text)::uuid),
    mt_dotnet_type      varchar                     NULL,
CONSTRAINT pkey_mt_doc_digestsent_tenant_id_id PRIMARY KEY (tenant_id, id)
);

CREATE INDEX mt_doc_digestsent_idx_member_id ON cms.mt_doc_digestsent USING btree (tenant_id, (CAST(data ->> 'memberId' as uuid)));
DROP POLICY IF EXISTS marten_tenant_isolation ON cms.mt_doc_digestsent;
ALTER TABLE cms.mt_doc_digestsent NO FORCE ROW LEVEL SECURITY;
ALTER TABLE cms.mt_doc_digestsent DISABLE ROW LEVEL SECURITY;

