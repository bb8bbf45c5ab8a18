import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`content_changes\` ADD \`event\` text;`)
  await db.run(sql`ALTER TABLE \`content_changes\` ADD \`document_slug\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`content_changes\` DROP COLUMN \`event\`;`)
  await db.run(sql`ALTER TABLE \`content_changes\` DROP COLUMN \`document_slug\`;`)
}
