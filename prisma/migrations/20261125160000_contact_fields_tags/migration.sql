-- Contact data: free-form fields and tags (DESIGN.md "Contacts"; docs/architecture.md "Contacts").

-- Fields: one jsonb object, key -> text. A field is read and written with its contact (merge with
-- `||`, remove with `-`), so a side table would only add joins.
ALTER TABLE "Contact" ADD COLUMN "fields" JSONB NOT NULL DEFAULT '{}';
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_fields_object" CHECK (jsonb_typeof("fields") = 'object');

-- Tags: stored as given (the casing the user typed is what they see), unique ignoring case (the
-- application keeps them so). The tag filter compares lower-cased: a GIN index on an expression
-- lower-casing the array serves `contact_tags_lower(tags) @> ARRAY[lower($tag)]`.
ALTER TABLE "Contact" ADD COLUMN "tags" TEXT[] NOT NULL DEFAULT '{}';

-- Immutable (lower() is), so usable in an index expression; the query must call the same function.
CREATE FUNCTION contact_tags_lower(tags TEXT[]) RETURNS TEXT[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT coalesce(array_agg(lower(t)), '{}') FROM unnest(tags) AS t $$;

CREATE INDEX "Contact_tags_lower_idx" ON "Contact" USING GIN (contact_tags_lower("tags"));

-- The contacts list, newest first, keyset on (createdAt, id).
CREATE INDEX "Contact_workspaceId_createdAt_id_idx" ON "Contact"("workspaceId", "createdAt" DESC, "id" DESC);
