import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`terms_texts_parent_order_idx\` ON \`terms_texts\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_texts_parent_order_idx\` ON \`_terms_v_texts\` (\`parent_id\`,\`order\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_texts_parent_order_idx\` ON \`audit_log_texts\` (\`parent_id\`,\`order\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`terms_texts_parent_order_idx\`;`)
  await db.run(sql`DROP INDEX \`_terms_v_texts_parent_order_idx\`;`)
  await db.run(sql`DROP INDEX \`audit_log_texts_parent_order_idx\`;`)
}
