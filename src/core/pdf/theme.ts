/**
 * Typographic settings shared by the A4 products, read from a layout's front matter.
 * Every field has a default here, so a layout only states what it changes.
 */
export interface Theme {
  font: string;
  fontSize: number;
  lineHeight: number;
  colors: { text: string; accent: string; muted: string; tint: string; rule: string; tipTint: string; tipRule: string };
  sizes: { title: number; h2: number; h3: number; small: number };
}

export const DEFAULT_THEME: Theme = {
  font: 'Atkinson',
  fontSize: 10.5,
  lineHeight: 1.25,
  colors: { text: '#1d252c', accent: '#1f5c73', muted: '#5b6770', tint: '#eef4f6', rule: '#c9d6dc', tipTint: '#fdf5e4', tipRule: '#e0a526' },
  sizes: { title: 26, h2: 15, h3: 11.5, small: 8.5 },
};

/** Deep-merges plain objects; arrays and scalars from `override` replace. Pure; inputs untouched. */
export function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : override) as T;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    result[key] = key in result ? deepMerge(result[key], value) : value;
  }
  return result as T;
}

export function themeFrom(settings: Record<string, unknown>): Theme {
  return deepMerge(DEFAULT_THEME, settings['theme']);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}
