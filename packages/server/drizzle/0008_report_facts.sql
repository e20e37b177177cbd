ALTER TABLE "item_facts" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
-- The facts of 0007 plus submitted_at: when a report reached the editor, its `submit` event from `draft`
-- (the definition repositories/statistics.ts used to read from item_events). A proposal's submission is
-- both kinds of event, so each fact is its own test rather than one branch of a chain.
CREATE OR REPLACE FUNCTION item_facts_note(e item_events) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF e.action IN ('submit', 'close_signatures') AND e.to_state = 'submitted'
      AND e.from_state IN ('draft', 'collecting_signatures') THEN
    INSERT INTO item_facts (item_id, body_id, received_at) VALUES (e.item_id, e.body_id, e.at)
    ON CONFLICT (item_id) DO UPDATE SET received_at = least(item_facts.received_at, excluded.received_at);
  END IF;
  IF e.action = 'submit' AND e.from_state = 'draft' THEN
    INSERT INTO item_facts (item_id, body_id, submitted_at) VALUES (e.item_id, e.body_id, e.at)
    ON CONFLICT (item_id) DO UPDATE SET submitted_at = least(item_facts.submitted_at, excluded.submitted_at);
  END IF;
  IF e.action = 'accept' THEN
    INSERT INTO item_facts (item_id, body_id, accepted) VALUES (e.item_id, e.body_id, true)
    ON CONFLICT (item_id) DO UPDATE SET accepted = true;
  END IF;
  IF e.action = 'submit_reply' AND e.actor_unit_id IS NOT NULL THEN
    INSERT INTO item_unit_facts (item_id, unit_id, body_id, replied_at)
    VALUES (e.item_id, e.actor_unit_id, e.body_id, e.at)
    ON CONFLICT (item_id, unit_id) DO UPDATE
      SET replied_at = greatest(item_unit_facts.replied_at, excluded.replied_at);
  END IF;
  IF e.action = 'rate' AND jsonb_typeof(e.payload->'ratings') = 'array' THEN
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
-- The events written before this migration (noting an event twice changes nothing).
SELECT item_facts_note(e) FROM item_events e WHERE e.action = 'submit' AND e.from_state = 'draft';
