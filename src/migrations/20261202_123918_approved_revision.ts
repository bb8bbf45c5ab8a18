import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`terms\` ADD \`approved_revision\` numeric;`)
  await db.run(sql`ALTER TABLE \`_terms_v\` ADD \`version_approved_revision\` numeric;`)
  await db.run(sql`ALTER TABLE \`use_cases\` ADD \`approved_revision\` numeric;`)
  await db.run(sql`ALTER TABLE \`_use_cases_v\` ADD \`version_approved_revision\` numeric;`)
  await db.run(sql`ALTER TABLE \`faqs\` ADD \`approved_revision\` numeric;`)
  await db.run(sql`ALTER TABLE \`_faqs_v\` ADD \`version_approved_revision\` numeric;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`terms\` DROP COLUMN \`approved_revision\`;`)
  await db.run(sql`ALTER TABLE \`_terms_v\` DROP COLUMN \`version_approved_revision\`;`)
  await db.run(sql`ALTER TABLE \`use_cases\` DROP COLUMN \`approved_revision\`;`)
  await db.run(sql`ALTER TABLE \`_use_cases_v\` DROP COLUMN \`version_approved_revision\`;`)
  await db.run(sql`ALTER TABLE \`faqs\` DROP COLUMN \`approved_revision\`;`)
  await db.run(sql`ALTER TABLE \`_faqs_v\` DROP COLUMN \`version_approved_revision\`;`)
}
