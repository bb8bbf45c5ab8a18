// Organizations that use the term's idea: the scenario, their solution and, when known, the outcome.
import type { TermView } from '@/site-data/term-view'

import { TermSection } from './term-section'

type UseCaseView = TermView['useCases'][number]

function UseCaseCard({ useCase }: { useCase: UseCaseView }) {
  return (
    <li className="card">
      <h3 className="mb-2">{useCase.organization}</h3>
      <dl className="space-y-2">
        <div>
          <dt className="text-sm font-semibold text-muted">Scenario</dt>
          <dd>{useCase.scenario}</dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-muted">Solution</dt>
          <dd>{useCase.solution}</dd>
        </div>
        {useCase.outcome ? (
          <div>
            <dt className="text-sm font-semibold text-muted">Outcome</dt>
            <dd>{useCase.outcome}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  )
}

export function TermUseCases({ useCases }: { useCases: readonly UseCaseView[] }) {
  if (useCases.length === 0) return null
  return (
    <TermSection id="use-cases" title="Use cases">
      <ul className="grid gap-4 sm:grid-cols-2">
        {useCases.map((useCase) => (
          <UseCaseCard key={useCase.id} useCase={useCase} />
        ))}
      </ul>
    </TermSection>
  )
}
