import { describe, expect, it } from 'vitest';
import { presets } from '../lessons/presets';
import { isEmbed, readStartupLink } from './boot';
import { encodeLink, type SharedState } from './link';

const state: SharedState = { v: 1, scenario: structuredClone(presets[1]!.scenario), presetId: presets[1]!.id, t: 42_000, speedIndex: 2, lang: 'fr' };

describe('opening the app from a URL', () => {
  it('with no fragment: nothing to apply, the default scenario', () => {
    expect(readStartupLink({ hash: '', search: '' })).toEqual({ embed: false });
  });

  it('from a shared link: the state to apply', () => {
    expect(readStartupLink({ hash: encodeLink(state), search: '' })).toEqual({ state, embed: false });
  });

  it('embedded in a course page (?embed=1), with or without a link', () => {
    expect(readStartupLink({ hash: encodeLink(state), search: '?embed=1' })).toEqual({ state, embed: true });
    expect(readStartupLink({ hash: '', search: '?lang=fr&embed' }).embed).toBe(true);
    expect(readStartupLink({ hash: '', search: '?embed=0' }).embed).toBe(false);
  });

  it("from a bad link: a message, and the link's scenario kept when it could be read", () => {
    const bad = structuredClone(state) as SharedState & { scenario: { durationMs: unknown } };
    bad.scenario.durationMs = 'one hour';
    const opened = readStartupLink({ hash: encodeLink(bad), search: '?embed=1' });
    expect(opened.state).toBeUndefined();
    expect(opened.message?.en).toContain('durationMs');
    expect(opened.linkScenario).toEqual(bad.scenario);
    expect(opened.embed).toBe(true);
    const cut = readStartupLink({ hash: encodeLink(state).slice(0, 30), search: '' });
    expect(cut.message?.en).toContain('incomplete or damaged');
    expect(cut).not.toHaveProperty('linkScenario');
  });
});

describe('the embed flag', () => {
  it('reads ?embed=1 (also ?embed and ?embed=true) from the query string, and not ?embed=0', () => {
    expect(isEmbed('?embed=1')).toBe(true);
    expect(isEmbed('?lang=fr&embed')).toBe(true);
    expect(isEmbed('?embed=true')).toBe(true);
    expect(isEmbed('?embed=0')).toBe(false);
    expect(isEmbed('')).toBe(false);
  });
});
