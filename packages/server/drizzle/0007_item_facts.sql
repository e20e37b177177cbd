CREATE TABLE "item_facts" (
	"item_id" uuid PRIMARY KEY NOT NULL,
	"body_id" uuid NOT NULL,
	"received_at" timestamp with time zone,
	"accepted" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "item_unit_facts" (
	"item_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"body_id" uuid NOT NULL,
	"replied_at" timestamp with time zone,
	"rating_seq" integer,
	"ratings" text[],
	CONSTRAINT "item_unit_facts_item_id_unit_id_pk" PRIMARY KEY("item_id","unit_id")
);
--> statement-breakpoint
ALTER TABLE "item_facts" ADD CONSTRAINT "item_facts_item_id_tracked_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."tracked_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_unit_facts" ADD CONSTRAINT "item_unit_facts_item_id_tracked_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."tracked_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "item_facts_body_received_idx" ON "item_facts" USING btree ("body_id","received_at");--> statement-breakpoint
-- The facts the statistics count (docs/statistics.md), kept from the events by a trigger, whoever writes
-- them (the engine, the demo, bulk SQL), so they cannot drift from the timeline. Each definition is the
-- one repositories/statistics.ts used to read from item_events:
-- - received_at: the event of first entry into review (a proposal reaches it once);
-- - accepted: an `accept` event exists;
-- - replied_at: the latest `submit_reply` whose actor_unit_id is the unit;
-- - ratings: the values (overall, else result) given to the unit in the latest `rate` event that gave it
--   one, among a payload's first 20 entries; a unit id counts as written in canonical form (what equals
--   unit_id::text).
CREATE FUNCTION item_facts_note(e item_events) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF e.action IN ('submit', 'close_signatures') AND e.to_state = 'submitted'
      AND e.from_state IN ('draft', 'collecting_signatures') THEN
    INSERT INTO item_facts (item_id, body_id, received_at) VALUES (e.item_id, e.body_id, e.at)
    ON CONFLICT (item_id) DO UPDATE SET received_at = least(item_facts.received_at, excluded.received_at);
  ELSIF e.action = 'accept' THEN
    INSERT INTO item_facts (item_id, body_id, accepted) VALUES (e.item_id, e.body_id, true)
    ON CONFLICT (item_id) DO UPDATE SET accepted = true;
  ELSIF e.action = 'submit_reply' AND e.actor_unit_id IS NOT NULL THEN
    INSERT INTO item_unit_facts (item_id, unit_id, body_id, replied_at)
    VALUES (e.item_id, e.actor_unit_id, e.body_id, e.at)
    ON CONFLICT (item_id, unit_id) DO UPDATE
      SET replied_at = greatest(item_unit_facts.replied_at, excluded.replied_at);
  ELSIF e.action = 'rate' AND jsonb_typeof(e.payload->'ratings') = 'array' THEN
    INSERT INTO item_unit_facts (item_id, unit_id, body_id, rating_seq, ratings)
    SELECT e.item_id, x.u::uuid, e.body_id, e.seq, array_agg(x.v)
    FROM (SELECT r->>'unitId' AS u, coalesce(r->>'overall', r->>'result') AS v
      FROM jsonb_array_elements(e.payload->'ratings') WITH ORDINALITY AS t(r, n) WHERE n <= 20) x
    WHERE x.v IS NOT NULL AND x.u ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
    GROUP BY x.u
    ON CONFLICT (item_id, unit_id) DO UPDATE SET rating_seq = excluded.rating_seq, ratings = excluded.ratings
      WHERE item_unit_facts.rating_seq IS NULL OR item_unit_facts.rating_seq < excluded.rating_seq;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION item_facts_on_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM item_facts_note(NEW);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER item_events_facts AFTER INSERT ON item_events FOR EACH ROW
  WHEN (NEW.action IN ('submit', 'close_signatures', 'accept', 'submit_reply', 'rate'))
  EXECUTE FUNCTION item_facts_on_event();
--> statement-breakpoint
-- The events written before this migration.
SELECT item_facts_note(e) FROM item_events e
WHERE e.action IN ('submit', 'close_signatures', 'accept', 'submit_reply', 'rate');
