CREATE TABLE "connection" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"provider" text NOT NULL,
	"base_url" text NOT NULL,
	"credential_ciphertext" text NOT NULL,
	"credential_key_id" text NOT NULL,
	"credential_hint" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connection_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "user_connection" (
	"user_id" text NOT NULL,
	"connection_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_connection" ADD CONSTRAINT "user_connection_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "user_connection_pk" ON "user_connection" USING btree ("user_id","connection_id");