import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`terms_review_thread\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text,
  	\`author_id\` text(36),
  	\`at\` text,
  	\`body\` text,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`terms_review_thread_order_idx\` ON \`terms_review_thread\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`terms_review_thread_parent_id_idx\` ON \`terms_review_thread\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`terms_review_thread_author_idx\` ON \`terms_review_thread\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`_terms_v_version_review_thread\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`kind\` text,
  	\`author_id\` text(36),
  	\`at\` text,
  	\`body\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_terms_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_terms_v_version_review_thread_order_idx\` ON \`_terms_v_version_review_thread\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_review_thread_parent_id_idx\` ON \`_terms_v_version_review_thread\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_review_thread_author_idx\` ON \`_terms_v_version_review_thread\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`use_cases_review_thread\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text,
  	\`author_id\` text(36),
  	\`at\` text,
  	\`body\` text,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`use_cases\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`use_cases_review_thread_order_idx\` ON \`use_cases_review_thread\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`use_cases_review_thread_parent_id_idx\` ON \`use_cases_review_thread\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`use_cases_review_thread_author_idx\` ON \`use_cases_review_thread\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`_use_cases_v_version_review_thread\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`kind\` text,
  	\`author_id\` text(36),
  	\`at\` text,
  	\`body\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_use_cases_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_use_cases_v_version_review_thread_order_idx\` ON \`_use_cases_v_version_review_thread\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_use_cases_v_version_review_thread_parent_id_idx\` ON \`_use_cases_v_version_review_thread\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_use_cases_v_version_review_thread_author_idx\` ON \`_use_cases_v_version_review_thread\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`faqs_review_thread\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text,
  	\`author_id\` text(36),
  	\`at\` text,
  	\`body\` text,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`faqs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`faqs_review_thread_order_idx\` ON \`faqs_review_thread\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`faqs_review_thread_parent_id_idx\` ON \`faqs_review_thread\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`faqs_review_thread_author_idx\` ON \`faqs_review_thread\` (\`author_id\`);`)
  await db.run(sql`CREATE TABLE \`_faqs_v_version_review_thread\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`kind\` text,
  	\`author_id\` text(36),
  	\`at\` text,
  	\`body\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_faqs_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_review_thread_order_idx\` ON \`_faqs_v_version_review_thread\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_review_thread_parent_id_idx\` ON \`_faqs_v_version_review_thread\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_review_thread_author_idx\` ON \`_faqs_v_version_review_thread\` (\`author_id\`);`)
  await db.run(sql`ALTER TABLE \`terms\` ADD \`workflow_stage\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`terms\` ADD \`assignee_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`terms\` ADD \`created_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`terms_workflow_stage_idx\` ON \`terms\` (\`workflow_stage\`);`)
  await db.run(sql`CREATE INDEX \`terms_assignee_idx\` ON \`terms\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`terms_created_by_idx\` ON \`terms\` (\`created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_terms_v\` ADD \`version_workflow_stage\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_terms_v\` ADD \`version_assignee_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_terms_v\` ADD \`version_created_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_version_workflow_stage_idx\` ON \`_terms_v\` (\`version_workflow_stage\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_version_assignee_idx\` ON \`_terms_v\` (\`version_assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_version_created_by_idx\` ON \`_terms_v\` (\`version_created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`use_cases\` ADD \`workflow_stage\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`use_cases\` ADD \`assignee_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`use_cases\` ADD \`created_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`use_cases_workflow_stage_idx\` ON \`use_cases\` (\`workflow_stage\`);`)
  await db.run(sql`CREATE INDEX \`use_cases_assignee_idx\` ON \`use_cases\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`use_cases_created_by_idx\` ON \`use_cases\` (\`created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_use_cases_v\` ADD \`version_workflow_stage\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_use_cases_v\` ADD \`version_assignee_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_use_cases_v\` ADD \`version_created_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_use_cases_v_version_version_workflow_stage_idx\` ON \`_use_cases_v\` (\`version_workflow_stage\`);`)
  await db.run(sql`CREATE INDEX \`_use_cases_v_version_version_assignee_idx\` ON \`_use_cases_v\` (\`version_assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`_use_cases_v_version_version_created_by_idx\` ON \`_use_cases_v\` (\`version_created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`faqs\` ADD \`workflow_stage\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`faqs\` ADD \`assignee_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`faqs\` ADD \`created_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`faqs_workflow_stage_idx\` ON \`faqs\` (\`workflow_stage\`);`)
  await db.run(sql`CREATE INDEX \`faqs_assignee_idx\` ON \`faqs\` (\`assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`faqs_created_by_idx\` ON \`faqs\` (\`created_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_faqs_v\` ADD \`version_workflow_stage\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_faqs_v\` ADD \`version_assignee_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_faqs_v\` ADD \`version_created_by_id\` text(36) REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_version_workflow_stage_idx\` ON \`_faqs_v\` (\`version_workflow_stage\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_version_assignee_idx\` ON \`_faqs_v\` (\`version_assignee_id\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_version_created_by_idx\` ON \`_faqs_v\` (\`version_created_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`terms_review_thread\`;`)
  await db.run(sql`DROP TABLE \`_terms_v_version_review_thread\`;`)
  await db.run(sql`DROP TABLE \`use_cases_review_thread\`;`)
  await db.run(sql`DROP TABLE \`_use_cases_v_version_review_thread\`;`)
  await db.run(sql`DROP TABLE \`faqs_review_thread\`;`)
  await db.run(sql`DROP TABLE \`_faqs_v_version_review_thread\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_terms\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`slug\` text,
  	\`definition\` text,
  	\`analogy\` text,
  	\`body\` text,
  	\`category_id\` text(36),
  	\`difficulty\` text,
  	\`seo_title\` text,
  	\`seo_description\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_terms\`("id", "title", "slug", "definition", "analogy", "body", "category_id", "difficulty", "seo_title", "seo_description", "updated_at", "created_at", "_status") SELECT "id", "title", "slug", "definition", "analogy", "body", "category_id", "difficulty", "seo_title", "seo_description", "updated_at", "created_at", "_status" FROM \`terms\`;`)
  await db.run(sql`DROP TABLE \`terms\`;`)
  await db.run(sql`ALTER TABLE \`__new_terms\` RENAME TO \`terms\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`terms_title_idx\` ON \`terms\` (\`title\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`terms_slug_idx\` ON \`terms\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`terms_category_idx\` ON \`terms\` (\`category_id\`);`)
  await db.run(sql`CREATE INDEX \`terms_difficulty_idx\` ON \`terms\` (\`difficulty\`);`)
  await db.run(sql`CREATE INDEX \`terms_updated_at_idx\` ON \`terms\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`terms_created_at_idx\` ON \`terms\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`terms__status_idx\` ON \`terms\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__terms_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_title\` text,
  	\`version_slug\` text,
  	\`version_definition\` text,
  	\`version_analogy\` text,
  	\`version_body\` text,
  	\`version_category_id\` text(36),
  	\`version_difficulty\` text,
  	\`version_seo_title\` text,
  	\`version_seo_description\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`terms\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_category_id\`) REFERENCES \`categories\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__terms_v\`("id", "parent_id", "version_title", "version_slug", "version_definition", "version_analogy", "version_body", "version_category_id", "version_difficulty", "version_seo_title", "version_seo_description", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_slug", "version_definition", "version_analogy", "version_body", "version_category_id", "version_difficulty", "version_seo_title", "version_seo_description", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_terms_v\`;`)
  await db.run(sql`DROP TABLE \`_terms_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__terms_v\` RENAME TO \`_terms_v\`;`)
  await db.run(sql`CREATE INDEX \`_terms_v_parent_idx\` ON \`_terms_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_version_title_idx\` ON \`_terms_v\` (\`version_title\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_version_slug_idx\` ON \`_terms_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_version_category_idx\` ON \`_terms_v\` (\`version_category_id\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_version_difficulty_idx\` ON \`_terms_v\` (\`version_difficulty\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_version_updated_at_idx\` ON \`_terms_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_version_created_at_idx\` ON \`_terms_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_version__status_idx\` ON \`_terms_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_created_at_idx\` ON \`_terms_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_updated_at_idx\` ON \`_terms_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_latest_idx\` ON \`_terms_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_use_cases\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`organization\` text,
  	\`scenario\` text,
  	\`solution\` text,
  	\`outcome\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`INSERT INTO \`__new_use_cases\`("id", "organization", "scenario", "solution", "outcome", "updated_at", "created_at", "_status") SELECT "id", "organization", "scenario", "solution", "outcome", "updated_at", "created_at", "_status" FROM \`use_cases\`;`)
  await db.run(sql`DROP TABLE \`use_cases\`;`)
  await db.run(sql`ALTER TABLE \`__new_use_cases\` RENAME TO \`use_cases\`;`)
  await db.run(sql`CREATE INDEX \`use_cases_organization_idx\` ON \`use_cases\` (\`organization\`);`)
  await db.run(sql`CREATE INDEX \`use_cases_updated_at_idx\` ON \`use_cases\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`use_cases_created_at_idx\` ON \`use_cases\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`use_cases__status_idx\` ON \`use_cases\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__use_cases_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_organization\` text,
  	\`version_scenario\` text,
  	\`version_solution\` text,
  	\`version_outcome\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`use_cases\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__use_cases_v\`("id", "parent_id", "version_organization", "version_scenario", "version_solution", "version_outcome", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_organization", "version_scenario", "version_solution", "version_outcome", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_use_cases_v\`;`)
  await db.run(sql`DROP TABLE \`_use_cases_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__use_cases_v\` RENAME TO \`_use_cases_v\`;`)
  await db.run(sql`CREATE INDEX \`_use_cases_v_parent_idx\` ON \`_use_cases_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_use_cases_v_version_version_organization_idx\` ON \`_use_cases_v\` (\`version_organization\`);`)
  await db.run(sql`CREATE INDEX \`_use_cases_v_version_version_updated_at_idx\` ON \`_use_cases_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_use_cases_v_version_version_created_at_idx\` ON \`_use_cases_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_use_cases_v_version_version__status_idx\` ON \`_use_cases_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_use_cases_v_created_at_idx\` ON \`_use_cases_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_use_cases_v_updated_at_idx\` ON \`_use_cases_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_use_cases_v_latest_idx\` ON \`_use_cases_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_faqs\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`question\` text,
  	\`answer\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`INSERT INTO \`__new_faqs\`("id", "question", "answer", "updated_at", "created_at", "_status") SELECT "id", "question", "answer", "updated_at", "created_at", "_status" FROM \`faqs\`;`)
  await db.run(sql`DROP TABLE \`faqs\`;`)
  await db.run(sql`ALTER TABLE \`__new_faqs\` RENAME TO \`faqs\`;`)
  await db.run(sql`CREATE INDEX \`faqs_question_idx\` ON \`faqs\` (\`question\`);`)
  await db.run(sql`CREATE INDEX \`faqs_updated_at_idx\` ON \`faqs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`faqs_created_at_idx\` ON \`faqs\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`faqs__status_idx\` ON \`faqs\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__faqs_v\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`parent_id\` text(36),
  	\`version_question\` text,
  	\`version_answer\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`faqs\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__faqs_v\`("id", "parent_id", "version_question", "version_answer", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_question", "version_answer", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_faqs_v\`;`)
  await db.run(sql`DROP TABLE \`_faqs_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__faqs_v\` RENAME TO \`_faqs_v\`;`)
  await db.run(sql`CREATE INDEX \`_faqs_v_parent_idx\` ON \`_faqs_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_version_question_idx\` ON \`_faqs_v\` (\`version_question\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_version_updated_at_idx\` ON \`_faqs_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_version_created_at_idx\` ON \`_faqs_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_version__status_idx\` ON \`_faqs_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_created_at_idx\` ON \`_faqs_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_updated_at_idx\` ON \`_faqs_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_faqs_v_latest_idx\` ON \`_faqs_v\` (\`latest\`);`)
}
