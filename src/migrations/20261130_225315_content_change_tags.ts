import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  // Rows in the old shape name no tags a reader could expire; every server expires everything at start.
  await db.run(sql`DELETE FROM \`content_changes\`;`)
  await db.run(sql`DROP INDEX \`content_changes_tag_idx\`;`)
  await db.run(sql`ALTER TABLE \`content_changes\` ADD \`source_collection\` text NOT NULL;`)
  await db.run(sql`ALTER TABLE \`content_changes\` ADD \`tags\` text NOT NULL;`)
  await db.run(sql`ALTER TABLE \`content_changes\` DROP COLUMN \`tag\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DELETE FROM \`content_changes\`;`)
  await db.run(sql`ALTER TABLE \`content_changes\` ADD \`tag\` text NOT NULL;`)
  await db.run(sql`CREATE INDEX \`content_changes_tag_idx\` ON \`content_changes\` (\`tag\`);`)
  await db.run(sql`ALTER TABLE \`content_changes\` DROP COLUMN \`source_collection\`;`)
  await db.run(sql`ALTER TABLE \`content_changes\` DROP COLUMN \`tags\`;`)
}
