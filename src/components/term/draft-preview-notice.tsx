// Tells staff in preview that they see the latest saved draft, and keeps the page in step with the admin.
import { RefreshOnAdminSave } from '@/components/refresh-on-admin-save'

export function DraftPreviewNotice() {
  return (
    <p className="mb-4 rounded-lg border border-line bg-accent-soft px-4 py-2 text-ink" role="status">
      Draft preview: you are seeing the latest saved version. <a href="/next/exit-preview">Leave preview</a>
      <RefreshOnAdminSave />
    </p>
  )
}
