import type { Lesson } from '../types';
import { lesson as anatomy } from './l01-anatomy';
import { lesson as coldWarm } from './l02-cold-warm';
import { lesson as planes } from './l03-planes';
import { lesson as isolation } from './l04-isolation';
import { lesson as scaling } from './l05-scaling';
import { lesson as keepAlive } from './l06-keep-alive';
import { lesson as mitigations } from './l07-mitigations';
import { lesson as placement } from './l08-placement';
import { lesson as cost } from './l09-cost';
import { lesson as antiPatterns } from './l10-anti-patterns';

/**
 * The guided lessons, in teaching order: one per topic of the course (shared/domain.md),
 * from a single invocation up to the patterns to avoid. The lessons panel lists them as is.
 */
export const lessons: Lesson[] = [anatomy, coldWarm, planes, isolation, scaling, keepAlive, mitigations, placement, cost, antiPatterns];
