import type { Setting, SettingsOf, SettingsTable } from '../settings/settings-table.js';

/**
 * Typographic settings shared by the products, read from a layout's `theme:`.
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
  colors: {
    text: '#1d252c',
    accent: '#1f5c73',
    muted: '#5b6770',
    tint: '#eef4f6',
    rule: '#c9d6dc',
    tipTint: '#fdf5e4',
    tipRule: '#e0a526',
  },
  sizes: { title: 26, h2: 15, h3: 11.5, small: 8.5 },
};

const colour = (value: string): Setting => ({ type: 'colour', default: value });
const size = (value: number): Setting => ({ type: 'number', default: value, min: 4, max: 96, unit: 'pt' });

/** The `theme:` settings every layout may set, defaults from `DEFAULT_THEME`. */
export const THEME_SETTINGS = {
  font: { type: 'font', default: DEFAULT_THEME.font },
  fontSize: { type: 'number', default: DEFAULT_THEME.fontSize, min: 5, max: 36, unit: 'pt' },
  lineHeight: { type: 'number', default: DEFAULT_THEME.lineHeight, min: 0.8, max: 3, unit: 'factor' },
  colors: Object.fromEntries(Object.entries(DEFAULT_THEME.colors).map(([key, value]) => [key, colour(value)])),
  sizes: Object.fromEntries(Object.entries(DEFAULT_THEME.sizes).map(([key, value]) => [key, size(value)])),
} as const satisfies SettingsTable;

/** The `page:` settings of a flowing A4 product (the guide, the handout). */
export const PAGE_SETTINGS = {
  size: { type: 'choice', default: 'A4', values: ['A4', 'A3'] },
  orientation: { type: 'choice', default: 'portrait', values: ['portrait', 'landscape'] },
  margins: { type: 'margins', default: [56, 56, 56, 64] },
} as const satisfies SettingsTable;

export type PageSettings = SettingsOf<typeof PAGE_SETTINGS>;

/** The theme of checked layout settings (prepare-layouts.ts fills in every default). */
export function themeFrom(settings: { theme: unknown }): Theme {
  return settings.theme as Theme;
}
