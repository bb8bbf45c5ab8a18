import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`terms\` ADD \`revision\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`_terms_v\` ADD \`version_revision\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`use_cases\` ADD \`revision\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`_use_cases_v\` ADD \`version_revision\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`faqs\` ADD \`revision\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`_faqs_v\` ADD \`version_revision\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`categories\` ADD \`revision\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`providers\` ADD \`revision\` numeric DEFAULT 1;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`revision\` numeric DEFAULT 1;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`terms\` DROP COLUMN \`revision\`;`)
  await db.run(sql`ALTER TABLE \`_terms_v\` DROP COLUMN \`version_revision\`;`)
  await db.run(sql`ALTER TABLE \`use_cases\` DROP COLUMN \`revision\`;`)
  await db.run(sql`ALTER TABLE \`_use_cases_v\` DROP COLUMN \`version_revision\`;`)
  await db.run(sql`ALTER TABLE \`faqs\` DROP COLUMN \`revision\`;`)
  await db.run(sql`ALTER TABLE \`_faqs_v\` DROP COLUMN \`version_revision\`;`)
  await db.run(sql`ALTER TABLE \`categories\` DROP COLUMN \`revision\`;`)
  await db.run(sql`ALTER TABLE \`providers\` DROP COLUMN \`revision\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`revision\`;`)
}
