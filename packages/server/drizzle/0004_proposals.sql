CREATE TABLE "item_signers" (
	"body_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"at" timestamp with time zone,
	CONSTRAINT "item_signers_item_id_person_id_pk" PRIMARY KEY("item_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "tracked_items" ADD COLUMN "session_term" integer;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD COLUMN "session_meeting" integer;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD COLUMN "seq_no" integer;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD COLUMN "submitter_kind" text;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD COLUMN "proposer_person_id" uuid;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD COLUMN "sector" text;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD COLUMN "is_key" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD COLUMN "adoption_levels" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "tracked_items" ADD COLUMN "instruction_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "item_signers" ADD CONSTRAINT "item_signers_body_id_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_signers" ADD CONSTRAINT "item_signers_item_id_tracked_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."tracked_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_signers" ADD CONSTRAINT "item_signers_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "item_signers_body_person_idx" ON "item_signers" USING btree ("body_id","person_id","item_id");--> statement-breakpoint
ALTER TABLE "tracked_items" ADD CONSTRAINT "tracked_items_proposer_person_id_people_id_fk" FOREIGN KEY ("proposer_person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "items_body_type_session_idx" ON "tracked_items" USING btree ("body_id","type","session_term","session_meeting","seq_no");--> statement-breakpoint
CREATE INDEX "items_body_proposer_idx" ON "tracked_items" USING btree ("body_id","proposer_person_id");