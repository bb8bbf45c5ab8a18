import { describe, expect, it } from 'vitest'

import { derivedListFields, providersWithService, titleSortKey } from '@/collections/Terms/list-fields'

describe('the list fields derived from a term', () => {
  it('sort titles without regard to case, accents or repeated spaces', () => {
    expect(titleSortKey('Édge  Zone')).toBe('edge zone')
    expect(titleSortKey('eBPF')).toBe('ebpf')
    expect(['Zone', 'eBPF', 'API'].map(titleSortKey).sort()).toEqual(['api', 'ebpf', 'zone'])
  })

  it('file a title under its letter, and digits and symbols under #', () => {
    expect(derivedListFields({ title: 'élan' }).indexLetter).toBe('E')
    expect(derivedListFields({ title: '5G Edge' }).indexLetter).toBe('#')
    expect(derivedListFields({ title: '  kubectl' }).indexLetter).toBe('K')
  })

  it('list the providers with a real service, once each, whatever form the reference takes', () => {
    expect(
      providersWithService([
        { provider: 'aws', service: 'CloudTrail' },
        { provider: { id: 'azure' }, service: 'Activity Log' },
        { provider: 'gcp', service: '   ' },
        { provider: 'oci', service: null },
        { provider: 'aws', service: 'Again' },
        { provider: null, service: 'Orphan' },
      ]),
    ).toEqual(['aws', 'azure'])
    expect(providersWithService(null)).toEqual([])
  })
})
