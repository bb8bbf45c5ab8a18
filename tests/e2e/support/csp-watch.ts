// Playwright's `test`, failing any test in which Chromium reports a Content Security Policy or
// Permissions-Policy problem on the console, in the test's own page or in any context it opens.
import { test as base, expect, type BrowserContext, type ConsoleMessage } from '@playwright/test'

/** Console text Chromium writes when a policy blocks something or cannot be read. */
const POLICY_PROBLEM = /Content[ -]Security[ -]Policy|Permissions-Policy|Permissions policy/i

export const test = base.extend<{ policyProblems: string[] }>({
  policyProblems: [
    async ({ browser, context }, use) => {
      const problems: string[] = []
      const watch = (watched: BrowserContext) =>
        watched.on('console', (message: ConsoleMessage) => {
          if (POLICY_PROBLEM.test(message.text())) problems.push(`${message.page()?.url() ?? ''}: ${message.text()}`)
        })
      watch(context)
      // Tests open signed-in contexts of their own (tests/e2e/support/staff.ts): watch those too.
      const newContext = browser.newContext.bind(browser)
      browser.newContext = async (...args) => {
        const opened = await newContext(...args)
        watch(opened)
        return opened
      }
      await use(problems)
      browser.newContext = newContext
      expect(problems, 'the browser reported Content Security Policy or Permissions-Policy problems').toEqual([])
    },
    { auto: true },
  ],
})

export { expect }
