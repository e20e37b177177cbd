-- Chinese full-text search (ARCHITECTURE §1): the bigrams and words of an item's number, title and
-- content as a tsvector, written by the application (src/tracking/search.ts) on every write of those
-- fields. Not a Drizzle column on purpose: `select *` and audit snapshots would carry kilobytes of
-- lexemes per row. Rows written before this migration are indexed at start-up (backfillSearchVectors).
ALTER TABLE "tracked_items" ADD COLUMN "search_vector" tsvector;--> statement-breakpoint
CREATE INDEX "items_search_idx" ON "tracked_items" USING gin ("search_vector");
