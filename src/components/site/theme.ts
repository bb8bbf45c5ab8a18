// The reader's theme choice: stored in localStorage and applied to <html data-theme> before first paint.
export const THEME_STORAGE_KEY = 'cloudlex-theme'
export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

/** Runs inline in <head>, before the page paints, so a chosen theme never flashes the other one. */
export const APPLY_STORED_THEME_SCRIPT = `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`
