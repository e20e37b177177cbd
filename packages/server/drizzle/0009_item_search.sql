-- The search vectors move out of tracked_items into a narrow table of their own (docs/search.md): a
-- search reads every candidate the GIN index returns to find the newest, and in tracked_items each
-- candidate was a page of wide rows (content, data, search_text) read for a few bytes. Here a row is the
-- id, body and type, with the vector stored apart (toast_tuple_target), so the candidates of a whole
-- body's search fit in a few megabytes that stay in memory. Written by src/tracking/search.ts alone.
CREATE TABLE "item_search" (
	"item_id" uuid PRIMARY KEY NOT NULL REFERENCES "tracked_items"("id") ON DELETE CASCADE,
	"body_id" uuid NOT NULL,
	"type" text NOT NULL,
	"search_vector" tsvector NOT NULL
) WITH (toast_tuple_target = 128);
--> statement-breakpoint
INSERT INTO "item_search" ("item_id", "body_id", "type", "search_vector")
SELECT "id", "body_id", "type", "search_vector" FROM "tracked_items" WHERE "search_vector" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "item_search_vector_idx" ON "item_search" USING gin ("search_vector");
--> statement-breakpoint
DROP INDEX "items_search_idx";
--> statement-breakpoint
ALTER TABLE "tracked_items" DROP COLUMN "search_vector";
