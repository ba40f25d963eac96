import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';

/**
 * The page runs under a Content-Security-Policy (index.html) that forbids `eval` and
 * `new Function`. zod compiles object parsers with `new Function` unless told `jitless`, and even
 * its probe for that is reported as a CSP violation. Every module that builds zod schemas
 * (sim/scenario.ts, share/link.ts, store/lessons.ts) imports this file first, so the setting is
 * in place before any schema exists, whatever order the bundle evaluates them in. Scenarios are
 * parsed a few times per edit: the interpreted parser costs nothing visible.
 *
 * The schemas use zod/mini (the same parser and issues as zod, a third of its size in the
 * page's initial JavaScript), which loads no locale by itself: English messages are set here.
 */
z.config({ jitless: true, ...en() });
