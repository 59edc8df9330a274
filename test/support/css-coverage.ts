/**
 * Each screen's rules arrive with it (issue 15: a screen's CSS is its own file, loaded with its
 * chunk): every style rule of the build whose selector matches an element of the page must come
 * from a stylesheet the page has loaded. A rule that matches but sits in a sheet the page never
 * fetched is a rule the screen lost when the CSS was split.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export interface BuiltRule { readonly file: string; readonly selector: string }

/** Splits at top-level commas (not inside `:is(a, b)`). */
function selectors(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out.map((s) => s.trim()).filter(Boolean);
}

/** The selectors of the style rules in one (minified) stylesheet, print-only rules, keyframes and `@page` left out. */
export function styleSelectors(css: string): string[] {
  const found: string[] = [];
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const walk = (from: number, to: number) => {
    let i = from;
    while (i < to) {
      const open = text.indexOf('{', i);
      if (open < 0 || open >= to) return;
      const prelude = text.slice(i, open).trim();
      // The matching brace of this block.
      let depth = 1;
      let j = open + 1;
      for (; j < to && depth > 0; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}') depth--;
      }
      const close = j - 1;
      if (prelude.startsWith('@')) {
        if (/^@(media|supports|layer)\b/.test(prelude) && !/\bprint\b/.test(prelude)) walk(open + 1, close);
      } else {
        found.push(...selectors(prelude));
      }
      i = close + 1;
    }
  };
  walk(0, text.length);
  return found;
}

/** Every style rule of the app's built stylesheets (dist/assets/*.css). */
export function builtRules(dist: string): BuiltRule[] {
  const assets = join(dist, 'assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.css'))
    .flatMap((file) => styleSelectors(readFileSync(join(assets, file), 'utf8')).map((selector) => ({ file, selector })));
}

/** The rules matching an element of the page whose stylesheet the page has not loaded, as `file: selector`. */
export async function lostRules(page: Page, rules: readonly BuiltRule[]): Promise<string[]> {
  return page.evaluate((all) => {
    const loaded = new Set([...document.styleSheets].map((s) => (s.href ?? '').split('/').pop()));
    const lost: string[] = [];
    for (const { file, selector } of all) {
      if (loaded.has(file)) continue;
      // A state (hover, focus) is not the page's now: the element the rule is for is what counts.
      const base = selector.replace(/::?[a-z-]+(\([^)]*\))?/g, (m) => (/^:(not|is|where|has)\(/.test(m) ? m : '')).trim();
      try {
        if (base && document.querySelector(base)) lost.push(`${file}: ${selector}`);
      } catch {
        // not a selector querySelector takes
      }
    }
    return lost;
  }, rules);
}
