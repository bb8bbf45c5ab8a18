import * as migration_20261124_224418_initial from './20261124_224418_initial';
import * as migration_20261124_232148_editorial_workflow from './20261124_232148_editorial_workflow';
import * as migration_20261124_234250_audit_log_releases_jobs from './20261124_234250_audit_log_releases_jobs';

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
    name: '20261124_234250_audit_log_releases_jobs'
  },
];
