// The derived list fields of terms (src/collections/Terms/list-fields.ts): the A–Z letter and sort key,
// and the providers a term names a real service for. The rels tables are rebuilt rather than altered so
// the new provider reference deletes its rows with the provider, like every other reference in them;
// existing terms and versions get their derived values here, since only writes compute them afterwards.
import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { derivedListFields } from '../collections/Terms/list-fields'

type Db = MigrateUpArgs['db']

async function rebuildRelsWithProviders(db: Db, table: string, parent: string): Promise<void> {
  const next = `__new_${table}`
  await db.run(sql.raw(`CREATE TABLE \`${next}\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`use_cases_id\` text(36),
  	\`faqs_id\` text(36),
  	\`terms_id\` text(36),
  	\`providers_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`${parent}\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`use_cases_id\`) REFERENCES \`use_cases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`faqs_id\`) REFERENCES \`faqs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`terms_id\`) REFERENCES \`terms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`providers_id\`) REFERENCES \`providers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );`))
  await db.run(
    sql.raw(
      `INSERT INTO \`${next}\`("id", "order", "parent_id", "path", "use_cases_id", "faqs_id", "terms_id") SELECT "id", "order", "parent_id", "path", "use_cases_id", "faqs_id", "terms_id" FROM \`${table}\`;`,
    ),
  )
  await db.run(sql.raw(`DROP TABLE \`${table}\`;`))
  await db.run(sql.raw(`ALTER TABLE \`${next}\` RENAME TO \`${table}\`;`))
  for (const column of ['order', 'parent_id', 'path', 'use_cases_id', 'faqs_id', 'terms_id', 'providers_id']) {
    const name = column === 'parent_id' ? 'parent' : column
    await db.run(sql.raw(`CREATE INDEX \`${table}_${name}_idx\` ON \`${table}\` (\`${column}\`);`))
  }
}

/** Fills the letter and sort key of every row from its title, and the providers from its equivalents. */
async function backfill(db: Db, names: { table: string; title: string; letter: string; sortKey: string; rows: string; rels: string; path: string }) {
  const rows = (await db.all(sql.raw(`SELECT \`id\`, \`${names.title}\` AS title FROM \`${names.table}\``))) as { id: string; title: string | null }[]
  for (const row of rows) {
    if (typeof row.title !== 'string') continue
    const { indexLetter, sortTitle } = derivedListFields({ title: row.title })
    await db.run(sql`UPDATE ${sql.identifier(names.table)} SET ${sql.identifier(names.letter)} = ${indexLetter}, ${sql.identifier(names.sortKey)} = ${sortTitle} WHERE id = ${row.id}`)
  }
  await db.run(sql`INSERT INTO ${sql.identifier(names.rels)} ("order", "parent_id", "path", "providers_id")
    SELECT "_order", "_parent_id", ${names.path}, "provider_id" FROM ${sql.identifier(names.rows)}
    WHERE "provider_id" IS NOT NULL AND trim(coalesce("service", '')) <> ''`)
}

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`terms\` ADD \`index_letter\` text;`)
  await db.run(sql`ALTER TABLE \`terms\` ADD \`sort_title\` text;`)
  await db.run(sql`CREATE INDEX \`terms_index_letter_idx\` ON \`terms\` (\`index_letter\`);`)
  await db.run(sql`CREATE INDEX \`terms_sort_title_idx\` ON \`terms\` (\`sort_title\`);`)
  await db.run(sql`CREATE INDEX \`indexLetter_sortTitle_idx\` ON \`terms\` (\`index_letter\`,\`sort_title\`);`)
  await db.run(sql`CREATE INDEX \`category_sortTitle_idx\` ON \`terms\` (\`category_id\`,\`sort_title\`);`)
  await db.run(sql`ALTER TABLE \`_terms_v\` ADD \`version_index_letter\` text;`)
  await db.run(sql`ALTER TABLE \`_terms_v\` ADD \`version_sort_title\` text;`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_version_index_letter_idx\` ON \`_terms_v\` (\`version_index_letter\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_version_version_sort_title_idx\` ON \`_terms_v\` (\`version_sort_title\`);`)
  await db.run(sql`CREATE INDEX \`version_indexLetter_version_sortTitle_idx\` ON \`_terms_v\` (\`version_index_letter\`,\`version_sort_title\`);`)
  await db.run(sql`CREATE INDEX \`version_category_version_sortTitle_idx\` ON \`_terms_v\` (\`version_category_id\`,\`version_sort_title\`);`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await rebuildRelsWithProviders(db, 'terms_rels', 'terms')
  await rebuildRelsWithProviders(db, '_terms_v_rels', '_terms_v')
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await backfill(db, {
    table: 'terms',
    title: 'title',
    letter: 'index_letter',
    sortKey: 'sort_title',
    rows: 'terms_provider_equivalents',
    rels: 'terms_rels',
    path: 'providersWithService',
  })
  await backfill(db, {
    table: '_terms_v',
    title: 'version_title',
    letter: 'version_index_letter',
    sortKey: 'version_sort_title',
    rows: '_terms_v_version_provider_equivalents',
    rels: '_terms_v_rels',
    path: 'version.providersWithService',
  })
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  // The rows of the dropped field would otherwise stay behind as references to nothing.
  await db.run(sql`DELETE FROM \`terms_rels\` WHERE \`path\` = 'providersWithService';`)
  await db.run(sql`DELETE FROM \`_terms_v_rels\` WHERE \`path\` = 'version.providersWithService';`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_terms_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`use_cases_id\` text(36),
  	\`faqs_id\` text(36),
  	\`terms_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`terms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`use_cases_id\`) REFERENCES \`use_cases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`faqs_id\`) REFERENCES \`faqs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`terms_id\`) REFERENCES \`terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_terms_rels\`("id", "order", "parent_id", "path", "use_cases_id", "faqs_id", "terms_id") SELECT "id", "order", "parent_id", "path", "use_cases_id", "faqs_id", "terms_id" FROM \`terms_rels\`;`)
  await db.run(sql`DROP TABLE \`terms_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_terms_rels\` RENAME TO \`terms_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`terms_rels_order_idx\` ON \`terms_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`terms_rels_parent_idx\` ON \`terms_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`terms_rels_path_idx\` ON \`terms_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`terms_rels_use_cases_id_idx\` ON \`terms_rels\` (\`use_cases_id\`);`)
  await db.run(sql`CREATE INDEX \`terms_rels_faqs_id_idx\` ON \`terms_rels\` (\`faqs_id\`);`)
  await db.run(sql`CREATE INDEX \`terms_rels_terms_id_idx\` ON \`terms_rels\` (\`terms_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__terms_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`use_cases_id\` text(36),
  	\`faqs_id\` text(36),
  	\`terms_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_terms_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`use_cases_id\`) REFERENCES \`use_cases\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`faqs_id\`) REFERENCES \`faqs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`terms_id\`) REFERENCES \`terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__terms_v_rels\`("id", "order", "parent_id", "path", "use_cases_id", "faqs_id", "terms_id") SELECT "id", "order", "parent_id", "path", "use_cases_id", "faqs_id", "terms_id" FROM \`_terms_v_rels\`;`)
  await db.run(sql`DROP TABLE \`_terms_v_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new__terms_v_rels\` RENAME TO \`_terms_v_rels\`;`)
  await db.run(sql`CREATE INDEX \`_terms_v_rels_order_idx\` ON \`_terms_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_rels_parent_idx\` ON \`_terms_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_rels_path_idx\` ON \`_terms_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_rels_use_cases_id_idx\` ON \`_terms_v_rels\` (\`use_cases_id\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_rels_faqs_id_idx\` ON \`_terms_v_rels\` (\`faqs_id\`);`)
  await db.run(sql`CREATE INDEX \`_terms_v_rels_terms_id_idx\` ON \`_terms_v_rels\` (\`terms_id\`);`)
  await db.run(sql`DROP INDEX \`terms_index_letter_idx\`;`)
  await db.run(sql`DROP INDEX \`terms_sort_title_idx\`;`)
  await db.run(sql`DROP INDEX \`indexLetter_sortTitle_idx\`;`)
  await db.run(sql`DROP INDEX \`category_sortTitle_idx\`;`)
  await db.run(sql`ALTER TABLE \`terms\` DROP COLUMN \`index_letter\`;`)
  await db.run(sql`ALTER TABLE \`terms\` DROP COLUMN \`sort_title\`;`)
  await db.run(sql`DROP INDEX \`_terms_v_version_version_index_letter_idx\`;`)
  await db.run(sql`DROP INDEX \`_terms_v_version_version_sort_title_idx\`;`)
  await db.run(sql`DROP INDEX \`version_indexLetter_version_sortTitle_idx\`;`)
  await db.run(sql`DROP INDEX \`version_category_version_sortTitle_idx\`;`)
  await db.run(sql`ALTER TABLE \`_terms_v\` DROP COLUMN \`version_index_letter\`;`)
  await db.run(sql`ALTER TABLE \`_terms_v\` DROP COLUMN \`version_sort_title\`;`)
}
