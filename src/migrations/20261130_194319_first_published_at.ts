import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`terms\` ADD \`first_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`terms_first_published_at_idx\` ON \`terms\` (\`first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`_terms_v\` ADD \`version_first_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_version_first_published_at_idx\` ON \`_terms_v\` (\`version_first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`use_cases\` ADD \`first_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`use_cases_first_published_at_idx\` ON \`use_cases\` (\`first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`_use_cases_v\` ADD \`version_first_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`_use_cases_v_version_version_first_published_at_idx\` ON \`_use_cases_v\` (\`version_first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`faqs\` ADD \`first_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`faqs_first_published_at_idx\` ON \`faqs\` (\`first_published_at\`);`)
  await db.run(sql`ALTER TABLE \`_faqs_v\` ADD \`version_first_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`_faqs_v_version_version_first_published_at_idx\` ON \`_faqs_v\` (\`version_first_published_at\`);`)
  for (const table of ['terms', 'use_cases', 'faqs']) await backfillFirstPublishedAt(db, table)
}

/**
 * A document's first publish is its oldest published version; a live document whose published versions
 * were all pruned (50 are kept) counts from its last update. Versions written since then carry the date too.
 */
export async function backfillFirstPublishedAt(db: MigrateUpArgs['db'], table: string): Promise<void> {
  const documents = sql.identifier(table)
  const versions = sql.identifier(`_${table}_v`)
  await db.run(sql`UPDATE ${documents} SET first_published_at = COALESCE(
    (SELECT MIN(v.created_at) FROM ${versions} v WHERE v.parent_id = ${documents}.id AND v.version__status = 'published'),
    CASE WHEN ${documents}._status = 'published' THEN ${documents}.updated_at END
  ) WHERE first_published_at IS NULL;`)
  await db.run(sql`UPDATE ${versions} SET version_first_published_at = (
    SELECT d.first_published_at FROM ${documents} d WHERE d.id = ${versions}.parent_id
  ) WHERE version_first_published_at IS NULL AND created_at >= (
    SELECT d.first_published_at FROM ${documents} d WHERE d.id = ${versions}.parent_id
  );`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`terms_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`terms\` DROP COLUMN \`first_published_at\`;`)
  await db.run(sql`DROP INDEX \`_terms_v_version_version_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_terms_v\` DROP COLUMN \`version_first_published_at\`;`)
  await db.run(sql`DROP INDEX \`use_cases_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`use_cases\` DROP COLUMN \`first_published_at\`;`)
  await db.run(sql`DROP INDEX \`_use_cases_v_version_version_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_use_cases_v\` DROP COLUMN \`version_first_published_at\`;`)
  await db.run(sql`DROP INDEX \`faqs_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`faqs\` DROP COLUMN \`first_published_at\`;`)
  await db.run(sql`DROP INDEX \`_faqs_v_version_version_first_published_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`_faqs_v\` DROP COLUMN \`version_first_published_at\`;`)
}
