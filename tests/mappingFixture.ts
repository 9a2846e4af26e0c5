import { mappingId, type Mapping } from '../src/domain/qualification';

/** An approved link of a skill to a werkproces (needed level U, full coverage) as the domain tests use it. */
export function approvedMapping(qualificationId: string, werkproces: string, skillId: string, extra: Partial<Mapping> = {}): Mapping {
  return {
    id: mappingId(qualificationId, werkproces, skillId),
    qualificationId,
    werkproces,
    skillId,
    requiredLevel: 'U',
    coverage: 'full',
    status: 'approved',
    approvedBy: 'lead',
    approvedAt: 'x',
    removed: false,
    ...extra,
  };
}
