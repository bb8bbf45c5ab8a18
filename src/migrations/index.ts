import * as migration_20261124_224418_initial from './20261124_224418_initial';
import * as migration_20261124_232148_editorial_workflow from './20261124_232148_editorial_workflow';
import * as migration_20261124_234250_audit_log_releases_jobs from './20261124_234250_audit_log_releases_jobs';
import * as migration_20261125_002051_drop_edit_locks_on_reviewed_content from './20261125_002051_drop_edit_locks_on_reviewed_content';
import * as migration_20261125_010942_content_changes_and_provider_colours from './20261125_010942_content_changes_and_provider_colours';
import * as migration_20261130_194319_first_published_at from './20261130_194319_first_published_at';
import * as migration_20261130_203934_forgot_password_spacing from './20261130_203934_forgot_password_spacing';
import * as migration_20261130_225315_content_change_tags from './20261130_225315_content_change_tags';
import * as migration_20261130_231118_term_list_fields from './20261130_231118_term_list_fields';
import * as migration_20261130_231639_terms_scale_indexes from './20261130_231639_terms_scale_indexes';
import * as migration_20261201_101549_child_rows_by_parent from './20261201_101549_child_rows_by_parent';
import * as migration_20261201_124424_job_leases from './20261201_124424_job_leases';
import * as migration_20261201_131258_media_storage_fields from './20261201_131258_media_storage_fields';
import * as migration_20261202_061740_change_feed_events from './20261202_061740_change_feed_events';
import * as migration_20261202_065959_api_clients from './20261202_065959_api_clients';
import * as migration_20261202_073846_webhooks from './20261202_073846_webhooks';
import * as migration_20261202_102053_revisions from './20261202_102053_revisions';
import * as migration_20261202_123918_approved_revision from './20261202_123918_approved_revision';

export const migrations = [
  {
    up: migration_20261124_224418_initial.up,
    down: migration_20261124_224418_initial.down,
    name: '20261124_224418_initial',
  },
  {
    up: migration_20261124_232148_editorial_workflow.up,
    down: migration_20261124_232148_editorial_workflow.down,
    name: '20261124_232148_editorial_workflow',
  },
  {
    up: migration_20261124_234250_audit_log_releases_jobs.up,
    down: migration_20261124_234250_audit_log_releases_jobs.down,
    name: '20261124_234250_audit_log_releases_jobs',
  },
  {
    up: migration_20261125_002051_drop_edit_locks_on_reviewed_content.up,
    down: migration_20261125_002051_drop_edit_locks_on_reviewed_content.down,
    name: '20261125_002051_drop_edit_locks_on_reviewed_content',
  },
  {
    up: migration_20261125_010942_content_changes_and_provider_colours.up,
    down: migration_20261125_010942_content_changes_and_provider_colours.down,
    name: '20261125_010942_content_changes_and_provider_colours',
  },
  {
    up: migration_20261130_194319_first_published_at.up,
    down: migration_20261130_194319_first_published_at.down,
    name: '20261130_194319_first_published_at',
  },
  {
    up: migration_20261130_203934_forgot_password_spacing.up,
    down: migration_20261130_203934_forgot_password_spacing.down,
    name: '20261130_203934_forgot_password_spacing',
  },
  {
    up: migration_20261130_225315_content_change_tags.up,
    down: migration_20261130_225315_content_change_tags.down,
    name: '20261130_225315_content_change_tags',
  },
  {
    up: migration_20261130_231118_term_list_fields.up,
    down: migration_20261130_231118_term_list_fields.down,
    name: '20261130_231118_term_list_fields',
  },
  {
    up: migration_20261130_231639_terms_scale_indexes.up,
    down: migration_20261130_231639_terms_scale_indexes.down,
    name: '20261130_231639_terms_scale_indexes',
  },
  {
    up: migration_20261201_101549_child_rows_by_parent.up,
    down: migration_20261201_101549_child_rows_by_parent.down,
    name: '20261201_101549_child_rows_by_parent',
  },
  {
    up: migration_20261201_124424_job_leases.up,
    down: migration_20261201_124424_job_leases.down,
    name: '20261201_124424_job_leases',
  },
  {
    up: migration_20261201_131258_media_storage_fields.up,
    down: migration_20261201_131258_media_storage_fields.down,
    name: '20261201_131258_media_storage_fields',
  },
  {
    up: migration_20261202_061740_change_feed_events.up,
    down: migration_20261202_061740_change_feed_events.down,
    name: '20261202_061740_change_feed_events',
  },
  {
    up: migration_20261202_065959_api_clients.up,
    down: migration_20261202_065959_api_clients.down,
    name: '20261202_065959_api_clients',
  },
  {
    up: migration_20261202_073846_webhooks.up,
    down: migration_20261202_073846_webhooks.down,
    name: '20261202_073846_webhooks',
  },
  {
    up: migration_20261202_102053_revisions.up,
    down: migration_20261202_102053_revisions.down,
    name: '20261202_102053_revisions',
  },
  {
    up: migration_20261202_123918_approved_revision.up,
    down: migration_20261202_123918_approved_revision.down,
    name: '20261202_123918_approved_revision'
  },
];
