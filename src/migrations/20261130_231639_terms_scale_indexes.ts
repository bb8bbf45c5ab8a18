import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`workflowStage_updatedAt_idx\` ON \`terms\` (\`workflow_stage\`,\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_title_idx\` ON \`terms\` (\`_status\`,\`title\`);`)
  await db.run(sql`CREATE INDEX \`category_title_idx\` ON \`terms\` (\`category_id\`,\`title\`);`)
  await db.run(sql`CREATE INDEX \`_status_updatedAt_idx\` ON \`terms\` (\`_status\`,\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`version_workflowStage_version_updatedAt_idx\` ON \`_terms_v\` (\`version_workflow_stage\`,\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_title_idx\` ON \`_terms_v\` (\`version__status\`,\`version_title\`);`)
  await db.run(sql`CREATE INDEX \`version_category_version_title_idx\` ON \`_terms_v\` (\`version_category_id\`,\`version_title\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_updatedAt_idx\` ON \`_terms_v\` (\`version__status\`,\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`workflowStage_updatedAt_1_idx\` ON \`use_cases\` (\`workflow_stage\`,\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`version_workflowStage_version_updatedAt_1_idx\` ON \`_use_cases_v\` (\`version_workflow_stage\`,\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`workflowStage_updatedAt_2_idx\` ON \`faqs\` (\`workflow_stage\`,\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`version_workflowStage_version_updatedAt_2_idx\` ON \`_faqs_v\` (\`version_workflow_stage\`,\`version_updated_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`workflowStage_updatedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_title_idx\`;`)
  await db.run(sql`DROP INDEX \`category_title_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_updatedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version_workflowStage_version_updatedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_title_idx\`;`)
  await db.run(sql`DROP INDEX \`version_category_version_title_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_updatedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`workflowStage_updatedAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`version_workflowStage_version_updatedAt_1_idx\`;`)
  await db.run(sql`DROP INDEX \`workflowStage_updatedAt_2_idx\`;`)
  await db.run(sql`DROP INDEX \`version_workflowStage_version_updatedAt_2_idx\`;`)
}
